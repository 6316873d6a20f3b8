package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.profile.model.Interaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Interaction history. Reads go through Panache; the consumer's bulk write is one SQL statement per batch
 * (unnest of column arrays, conflicts on event id ignored), because one entity persist per event would not
 * keep up with the ingestion rate and would not be idempotent.
 */
@ApplicationScoped
@WithSession
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    // Search text is kept only under search-history in this service's own view (the gateway strips it too, but
    // the view here is what this service answers for); without it the event is kept as a bare search.
    private static final String QUERY_IF_CONSENTED = """
            CASE WHEN EXISTS (SELECT 1 FROM consent_view v
                              WHERE v.user_id = e.user_id AND 'search-history' = ANY (v.purposes))
                 THEN e.query END""";

    private static final String INSERT_BATCH = """
            INSERT INTO interactions (event_id, user_id, title_id, type, value, artwork_id, impression_id, query,
                                      device, locale, time_zone, local_time, occurred_at)
            SELECT event_id, user_id, title_id, type, value, artwork_id, impression_id, %s, device, locale, time_zone,
                   local_time, occurred_at
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::text[], $12::time[], $13::timestamptz[],
                                 $14::text[], $15::text[])
                          AS e (event_id, user_id, title_id, type, value, artwork_id, impression_id, query, device,
                                locale, time_zone, local_time, occurred_at, user_hash, user_hash_previous)
            WHERE NOT EXISTS (SELECT 1 FROM forgotten_events f WHERE f.event_id = e.event_id)
              AND %s
            ON CONFLICT (event_id) DO NOTHING
            """.formatted(QUERY_IF_CONSENTED, ErasedUsers.NOT_ERASED);

    // Shared per-user locks (erasure holds the exclusive one): an insert either completes before an erasure, which
    // then deletes it, or starts after it and sees its marker. Taken in a statement of their own, because a
    // statement sees only what had committed when it started. Ordered, so that batches always lock alike.
    private static final String LOCK_USERS = """
            SELECT pg_advisory_xact_lock_shared($1, h)
            FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($2::text[]) AS u) x ORDER BY h
            """;

    private final Pool pool;

    private final ErasedUsers erased;

    public InteractionRepository(Pool pool, ErasedUsers erased) {
        this.pool = pool;
        this.erased = erased;
    }

    /** Inserts the events not stored yet; returns how many rows were new. */
    public Uni<Integer> insertIgnoringDuplicates(List<InteractionRecorded> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] users = new String[n], titles = new String[n], types = new String[n], artworks = new String[n],
                impressions = new String[n], queries = new String[n], devices = new String[n], locales = new String[n],
                zones = new String[n];
        Double[] values = new Double[n];
        LocalTime[] localTimes = new LocalTime[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            InteractionRecorded e = events.get(i);
            InteractionContext c = Optional.ofNullable(e.context()).orElse(new InteractionContext(null, null, null, null));
            ids[i] = e.eventId();
            users[i] = e.userId();
            titles[i] = e.titleId();
            types[i] = e.type().name();
            values[i] = e.value();
            artworks[i] = e.artworkId();
            impressions[i] = e.impressionId();
            queries[i] = e.query();
            devices[i] = c.device();
            locales[i] = c.locale();
            zones[i] = c.timeZone();
            localTimes[i] = c.localTime();
            occurred[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
        }
        List<String> userList = Arrays.asList(users);
        Tuple args = Tuple.tuple(List.of(ids, users, titles, types, values, artworks, impressions, queries, devices,
                locales, zones, localTimes, occurred, erased.pseudonyms(userList), erased.previousPseudonyms(userList)));
        String[] distinctUsers = Arrays.stream(users).distinct().toArray(String[]::new);
        return pool.withTransaction(c -> c.preparedQuery(LOCK_USERS).execute(Tuple.of(UserLock.NAMESPACE, distinctUsers))
                .chain(() -> c.preparedQuery(INSERT_BATCH).execute(args))
                .map(rows -> rows.rowCount()));
    }

    private static final String FORGET = """
            WITH gone AS (DELETE FROM interactions WHERE event_id = $1 AND user_id = $2 RETURNING event_id, user_id)
            INSERT INTO forgotten_events (event_id, user_id) SELECT event_id, user_id FROM gone
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """;

    /**
     * Deletes one event of this user's history and leaves its id as a tombstone, on the caller's connection
     * so the caller decides when it commits. False if the user has no such event (another user's event
     * counts as none).
     */
    public Uni<Boolean> forget(SqlConnection connection, String userId, UUID eventId) {
        return connection.preparedQuery(FORGET).execute(Tuple.of(eventId, userId)).map(rows -> rows.rowCount() == 1);
    }

    /** A page of a user's history, newest first. */
    public Uni<List<Interaction>> pageForUser(String userId, int pageIndex, int pageSize) {
        return find("userId", Sort.descending("occurredAt").and("eventId"), userId)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    public Uni<Long> countForUser(String userId) {
        return count("userId", userId);
    }

    /** Deletes interactions that happened before {@code cutoff}, in bounded chunks; returns how many. */
    public Uni<Long> purgeBefore(Instant cutoff) {
        return Purge.inChunks(pool, """
                DELETE FROM interactions WHERE event_id IN
                    (SELECT event_id FROM interactions WHERE occurred_at < $1 LIMIT $2)""", cutoff);
    }

    /** Deletes searches with their text made before {@code cutoff} (search history keeps shorter than history). */
    public Uni<Long> purgeSearchesBefore(Instant cutoff) {
        return Purge.inChunks(pool, """
                DELETE FROM interactions WHERE event_id IN
                    (SELECT event_id FROM interactions
                     WHERE occurred_at < $1 AND type = 'SEARCH' AND query IS NOT NULL LIMIT $2)""", cutoff);
    }

    /**
     * Drops forget-markers older than {@code cutoff}: they only stop a redelivered copy of a forgotten event from
     * coming back, and no copy is redelivered after the history's own retention.
     */
    public Uni<Long> purgeForgottenBefore(Instant cutoff) {
        return Purge.inChunks(pool, """
                DELETE FROM forgotten_events WHERE event_id IN
                    (SELECT event_id FROM forgotten_events WHERE forgotten_at < $1 LIMIT $2)""", cutoff);
    }
}
