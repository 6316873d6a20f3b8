package io.serenade.profile.repository;

import io.serenade.events.userdata.UserDataSummary;
import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.kit.erasure.ErasureTally;
import io.serenade.profile.api.ExportedForgottenEvent;
import io.serenade.profile.api.ExportedInteraction;
import io.serenade.profile.api.ExportedProfile;
import io.serenade.profile.model.NotificationDecision;
import io.serenade.profile.model.NotificationSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything profile-service holds about one user, across its tables: the summary behind transparency, the
 * export, and the erasure. Each works table by table in one statement (never row by row), so a user with
 * 10,000 events costs the same few round trips as a user with one.
 */
@ApplicationScoped
public class UserDataRepository {

    /** Every table that holds personal data, in the order receipts list them. Erasure must cover each. */
    public static final List<String> TABLES = List.of("profiles", "interactions", "forgotten_events", "consent_view",
            "notification_settings", "notification_decisions");

    /**
     * A SEARCH carrying its text is search history; every other row (a SEARCH stripped of its text is only a
     * click on a result) is interaction history.
     */
    private static final String IS_SEARCH = "(type = 'SEARCH' AND query IS NOT NULL)";

    private static final String SUMMARY = """
            SELECT 'profile' AS category, 'postgresql:profiles' AS store, count(*) AS n,
                   min(created_at) AS oldest, max(updated_at) AS newest
              FROM profiles WHERE user_id = $1
            UNION ALL
            SELECT 'profile', 'postgresql:notification_settings', count(*), min(updated_at), max(updated_at)
              FROM notification_settings WHERE user_id = $1
            UNION ALL
            SELECT CASE WHEN search THEN 'search-history' ELSE 'interaction-history' END, 'postgresql:interactions',
                   n, oldest, newest
              FROM (SELECT %s AS search, count(*) AS n, min(occurred_at) AS oldest, max(occurred_at) AS newest
                      FROM interactions WHERE user_id = $1 GROUP BY 1) i
            UNION ALL
            SELECT 'interaction-history', 'postgresql:forgotten_events', count(*), min(forgotten_at), max(forgotten_at)
              FROM forgotten_events WHERE user_id = $1
            UNION ALL
            SELECT 'notification-decisions', 'postgresql:notification_decisions', count(*), min(decided_at), max(decided_at)
              FROM notification_decisions WHERE user_id = $1
            UNION ALL
            SELECT 'consents', 'postgresql:consent_view', count(*), min(changed_at), max(changed_at)
              FROM consent_view WHERE user_id = $1
            """.formatted(IS_SEARCH);

    // One statement: every delete sees the same snapshot and commits together; each returns the ids for the digest.
    private static final String ERASE = """
            WITH i AS (DELETE FROM interactions WHERE user_id = $1 RETURNING event_id::text AS id),
                 f AS (DELETE FROM forgotten_events WHERE user_id = $1 RETURNING event_id::text AS id),
                 p AS (DELETE FROM profiles WHERE user_id = $1 RETURNING user_id AS id),
                 c AS (DELETE FROM consent_view WHERE user_id = $1 RETURNING user_id AS id),
                 s AS (DELETE FROM notification_settings WHERE user_id = $1 RETURNING user_id AS id),
                 d AS (DELETE FROM notification_decisions WHERE user_id = $1 RETURNING id::text AS id)
            SELECT 'interactions'::text AS tbl, id FROM i
            UNION ALL SELECT 'forgotten_events', id FROM f
            UNION ALL SELECT 'profiles', id FROM p
            UNION ALL SELECT 'consent_view', id FROM c
            UNION ALL SELECT 'notification_settings', id FROM s
            UNION ALL SELECT 'notification_decisions', id FROM d
            """;

    /** What one user's erasure deleted: rows per table, and "table:id" for every row (for the receipt's digest). */
    public record Erased(Map<String, Long> perTable, List<String> ids) {
    }

    /** One user's rows in every table, read in one consistent snapshot. Absent rows are null or empty lists. */
    public record Snapshot(ExportedProfile profile, NotificationSettings settings, List<ExportedInteraction> interactions,
                           List<ExportedForgottenEvent> forgotten, List<NotificationDecision> decisions,
                           ConsentView consent) {
    }

    private final Pool pool;

    private final ErasedUsers erased;
    private final ErasureTally tally;

    public UserDataRepository(Pool pool, ErasedUsers erased, ErasureTally tally) {
        this.pool = pool;
        this.erased = erased;
        this.tally = tally;
    }

    /** Count, oldest and newest per (category, store) holding any of the user's rows. */
    public Uni<List<UserDataSummary.Holding>> summary(String userId) {
        return pool.preparedQuery(SUMMARY).execute(Tuple.of(userId)).map(rows -> {
            List<UserDataSummary.Holding> holdings = new ArrayList<>();
            for (Row r : rows) {
                long n = r.getLong("n");
                if (n > 0) {
                    holdings.add(new UserDataSummary.Holding(r.getString("category"), r.getString("store"), n,
                            instant(r, "oldest"), instant(r, "newest")));
                }
            }
            return holdings;
        });
    }

    /**
     * All the user's rows: one query per table, inside one read-only repeatable-read transaction so that they
     * agree with each other. One after the other: concurrent queries on one connection were seen to stall.
     */
    public Uni<Snapshot> snapshot(String userId) {
        Tuple user = Tuple.of(userId);
        Rows rows = new Rows();
        return pool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> one(c, """
                        SELECT user_id, display_name, locale, time_zone, maturity_rating, favourite_genres,
                               diversity, created_at, updated_at
                        FROM profiles WHERE user_id = $1""", user, UserDataRepository::profile))
                .invoke(p -> rows.profile = p)
                .chain(() -> one(c, """
                        SELECT user_id, per_day, per_week, quiet_start, quiet_end, updated_at
                        FROM notification_settings WHERE user_id = $1""", user, UserDataRepository::settings))
                .invoke(s -> rows.settings = s)
                .chain(() -> all(c, """
                        SELECT event_id, title_id, type, value, artwork_id, impression_id, query, device, locale,
                               time_zone, local_time, occurred_at, recorded_at
                        FROM interactions WHERE user_id = $1 ORDER BY occurred_at DESC, event_id""",
                        user, UserDataRepository::interaction))
                .invoke(i -> rows.interactions = i)
                .chain(() -> all(c, """
                        SELECT event_id, forgotten_at FROM forgotten_events
                        WHERE user_id = $1 ORDER BY forgotten_at DESC, event_id""", user,
                        r -> new ExportedForgottenEvent(r.getUUID("event_id"), instant(r, "forgotten_at"))))
                .invoke(f -> rows.forgotten = f)
                .chain(() -> all(c, """
                        SELECT id, user_id, kind, urgency, decision, reason, defer_until, decided_at
                        FROM notification_decisions WHERE user_id = $1 ORDER BY decided_at DESC, id DESC""",
                        user, UserDataRepository::decision))
                .invoke(d -> rows.decisions = d)
                .chain(() -> one(c, """
                        SELECT user_id, purposes, changed_at, applied_at
                        FROM consent_view WHERE user_id = $1""", user, UserDataRepository::consent))
                .map(consent -> new Snapshot(rows.profile, rows.settings, rows.interactions, rows.forgotten,
                        rows.decisions, consent)));
    }

    /** The snapshot's parts as its queries return them. */
    private static final class Rows {
        ExportedProfile profile;
        NotificationSettings settings;
        List<ExportedInteraction> interactions;
        List<ExportedForgottenEvent> forgotten;
        List<NotificationDecision> decisions;
    }

    /** Deletes every row of the user in every table, in one transaction; a user with no rows deletes nothing. */
    public Uni<Erased> erase(String userId) {
        return pool.withTransaction(c -> UserLock.lock(c, userId)
                // In the erasure's transaction: events of the user still in flight, which occurred before this, must
                // not come back (see InteractionRepository).
                .chain(() -> erased.mark(c, userId))
                .chain(() -> c.preparedQuery(ERASE).execute(Tuple.of(userId)))
                // What the consent tombstone removed before this request came (the consent view): counted too.
                .chain(rows -> tally.take(c, userId).map(removedBefore -> {
                    Map<String, Long> perTable = new LinkedHashMap<>();
                    TABLES.forEach(t -> perTable.put(t, 0L));
                    List<String> ids = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        String table = r.getString("tbl");
                        perTable.merge(table, 1L, Long::sum);
                        ids.add(table + ":" + r.getString("id"));
                    }
                    removedBefore.forEach((store, n) -> {
                        perTable.merge(store.substring(store.indexOf(':') + 1), n, Long::sum);
                        ids.add("tombstone:" + store);
                    });
                    return new Erased(perTable, ids);
                })));
    }

    private static <T> Uni<T> one(SqlConnection c, String sql, Tuple args, Function<Row, T> map) {
        return c.preparedQuery(sql).execute(args).map(rows -> rows.iterator().hasNext() ? map.apply(rows.iterator().next()) : null);
    }

    private static <T> Uni<List<T>> all(SqlConnection c, String sql, Tuple args, Function<Row, T> map) {
        return c.preparedQuery(sql).execute(args).map(rows -> list(rows, map));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(map.apply(r));
        }
        return out;
    }

    private static ExportedProfile profile(Row r) {
        return new ExportedProfile(r.getString("user_id"), r.getString("display_name"), r.getString("locale"),
                r.getString("time_zone"), r.getString("maturity_rating"), Arrays.asList(r.getArrayOfStrings("favourite_genres")),
                r.getDouble("diversity"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static NotificationSettings settings(Row r) {
        NotificationSettings s = new NotificationSettings();
        s.userId = r.getString("user_id");
        s.perDay = r.getInteger("per_day");
        s.perWeek = r.getInteger("per_week");
        s.quietStart = r.getLocalTime("quiet_start");
        s.quietEnd = r.getLocalTime("quiet_end");
        s.updatedAt = instant(r, "updated_at");
        return s;
    }

    private static ExportedInteraction interaction(Row r) {
        return new ExportedInteraction(r.getUUID("event_id"), r.getString("title_id"), r.getString("type"),
                r.getDouble("value"), r.getString("artwork_id"), r.getString("impression_id"), r.getString("query"),
                r.getString("device"), r.getString("locale"), r.getString("time_zone"), r.getLocalTime("local_time"),
                instant(r, "occurred_at"), instant(r, "recorded_at"));
    }

    private static NotificationDecision decision(Row r) {
        NotificationDecision d = new NotificationDecision();
        d.id = r.getUUID("id");
        d.userId = r.getString("user_id");
        d.kind = r.getString("kind");
        d.urgency = r.getString("urgency");
        d.decision = r.getString("decision");
        d.reason = r.getString("reason");
        d.deferUntil = instant(r, "defer_until");
        d.decidedAt = instant(r, "decided_at");
        return d;
    }

    private static ConsentView consent(Row r) {
        return new ConsentView(r.getString("user_id"), List.of(r.getArrayOfStrings("purposes")), instant(r, "changed_at"),
                instant(r, "applied_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
