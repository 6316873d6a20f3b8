package io.serenade.ranking.repository;

import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.ranking.recommend.HistoryEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ranking's copy of interactions: what models train on, and each user's current history at request time.
 * Writes are one statement per batch; an insert returns the ids that were new, so the caller applies each
 * event to the online state exactly once however often Kafka delivers it. An event that was forgotten, or that
 * occurred before its user's erasure (still in flight when the user was erased), is not stored.
 */
@ApplicationScoped
public class InteractionLogRepository {

    private static final String INSERT_BATCH = """
            INSERT INTO interactions (event_id, user_id, title_id, type, value, occurred_at, device, local_hour)
            SELECT e.event_id, e.user_id, e.title_id, e.type, e.value, e.occurred_at, e.device, e.local_hour
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::timestamptz[],
                        $7::text[], $8::int2[], $9::text[], $10::text[])
                 AS e (event_id, user_id, title_id, type, value, occurred_at, device, local_hour, user_hash, user_hash_previous)
            WHERE NOT EXISTS (SELECT 1 FROM forgotten_events f WHERE f.event_id = e.event_id)
              AND %s
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """.formatted(ErasedUsers.NOT_ERASED);

    /**
     * Deletes the forgotten events this user has here, leaves tombstones (also for events not arrived yet:
     * the two topics are not ordered against each other) and returns what was deleted, so popularity can
     * be taken back exactly.
     */
    private static final String FORGET_BATCH = """
            WITH f AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS f (event_id, user_id)),
                 tomb AS (INSERT INTO forgotten_events (event_id, user_id) SELECT event_id, user_id FROM f
                          ON CONFLICT (event_id) DO NOTHING)
            DELETE FROM interactions i USING f
            WHERE i.event_id = f.event_id AND i.user_id = f.user_id
            RETURNING i.event_id, i.title_id, i.type, i.value, i.occurred_at
            """;

    private static final String RECENT = """
            SELECT event_id, title_id, type, value, occurred_at, device, local_hour FROM interactions
            WHERE user_id = $1 AND title_id IS NOT NULL
            ORDER BY occurred_at DESC, event_id
            LIMIT $2
            """;

    private final Pool pool;

    private final ErasedUsers erased;

    public InteractionLogRepository(Pool pool, ErasedUsers erased) {
        this.pool = pool;
        this.erased = erased;
    }

    /**
     * Inserts the events and hands the ids that were new to {@code beforeCommit}, inside the transaction:
     * if that step fails, the insert rolls back and a redelivery finds the events new again.
     */
    public Uni<Set<UUID>> insertNew(List<InteractionRecorded> events, Function<Set<UUID>, Uni<Void>> beforeCommit) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] users = new String[n], titles = new String[n], types = new String[n];
        Double[] values = new Double[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] devices = new String[n];
        Short[] hours = new Short[n];
        for (int i = 0; i < n; i++) {
            InteractionRecorded e = events.get(i);
            ids[i] = e.eventId();
            users[i] = e.userId();
            titles[i] = e.titleId();
            types[i] = e.type().name();
            values[i] = e.value();
            occurred[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            if (e.context() != null) {
                devices[i] = e.context().device();
                hours[i] = e.context().localTime() == null ? null : (short) e.context().localTime().getHour();
            }
        }
        List<String> userList = Arrays.asList(users);
        Tuple args = Tuple.tuple(List.of(ids, users, titles, types, values, occurred, devices, hours,
                erased.pseudonyms(userList), erased.previousPseudonyms(userList)));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_BATCH).execute(args)
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row r : rows) {
                        inserted.add(r.getUUID(0));
                    }
                    return inserted;
                })
                .call(inserted -> beforeCommit.apply(Set.copyOf(inserted))));
    }

    /** The user's most recent events (those about a title), newest first: what a request personalizes from. */
    public Uni<List<HistoryEvent>> recent(String userId, int limit) {
        return pool.preparedQuery(RECENT).execute(Tuple.of(userId, limit)).map(rows -> {
            List<HistoryEvent> history = new ArrayList<>(rows.size());
            for (Row r : rows) {
                history.add(new HistoryEvent(r.getUUID(0), r.getString(1), InteractionType.valueOf(r.getString(2)),
                        r.getDouble(3), r.getOffsetDateTime(4).toInstant(), r.getString(5),
                        r.getValue(6) == null ? null : r.getInteger(6)));
            }
            return history;
        });
    }

    /**
     * Forgets events of their users (pairs of event and user id; an event of another user is left alone)
     * and hands what was deleted to {@code beforeCommit}, inside the transaction, like {@link #insertNew}.
     */
    public Uni<List<HistoryEvent>> forget(List<InteractionForgotten> forgets, Function<List<HistoryEvent>, Uni<Void>> beforeCommit) {
        if (forgets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = forgets.stream().map(InteractionForgotten::eventId).toArray(UUID[]::new);
        String[] users = forgets.stream().map(InteractionForgotten::userId).toArray(String[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery(FORGET_BATCH).execute(Tuple.of(ids, users))
                .map(rows -> {
                    List<HistoryEvent> gone = new ArrayList<>();
                    for (Row r : rows) {
                        gone.add(new HistoryEvent(r.getUUID(0), r.getString(1), InteractionType.valueOf(r.getString(2)),
                                r.getDouble(3), r.getOffsetDateTime(4).toInstant(), null, null));
                    }
                    return gone;
                })
                .call(gone -> beforeCommit.apply(List.copyOf(gone))));
    }
}
