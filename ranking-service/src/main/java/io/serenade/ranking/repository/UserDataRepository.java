package io.serenade.ranking.repository;

import io.serenade.events.InteractionType;
import io.serenade.ranking.recommend.HistoryEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything ranking-service keeps about one user in PostgreSQL, read whole for transparency and export, deleted
 * whole on erasure, and aged out by retention. Each read is one statement, whatever the size of the history.
 */
@ApplicationScoped
public class UserDataRepository {

    /** Count and date range per table, in one round trip. */
    private static final String SUMMARY = """
            SELECT 'interactions', count(*), min(occurred_at), max(occurred_at) FROM interactions WHERE user_id = $1
            UNION ALL
            SELECT 'forgotten_events', count(*), min(forgotten_at), max(forgotten_at) FROM forgotten_events WHERE user_id = $1
            UNION ALL
            SELECT 'consent_view', count(*), min(changed_at), max(changed_at) FROM consent_view WHERE user_id = $1
            """;

    private static final String INTERACTIONS = """
            SELECT event_id, title_id, type, value, occurred_at, device, local_hour FROM interactions
            WHERE user_id = $1 ORDER BY occurred_at, event_id
            """;

    private static final String ERASE_INTERACTIONS = """
            DELETE FROM interactions WHERE user_id = $1 RETURNING event_id, title_id, type, value, occurred_at
            """;

    /** Searches age out sooner than the rest of the history (search-history has the shorter retention). */
    private static final String PURGE_INTERACTIONS = """
            DELETE FROM interactions WHERE occurred_at < $1 OR (type = 'SEARCH' AND occurred_at < $2)
            """;

    /** One table's holding for the user. */
    public record Held(String table, long count, Instant oldest, Instant newest) {
    }

    /** An event the user asked to forget, as remembered here (its id only, so a redelivery is not stored again). */
    public record Forgotten(UUID eventId, Instant forgottenAt) {
    }

    private final Pool pool;

    public UserDataRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    public Uni<List<Held>> summary(String userId) {
        return pool.preparedQuery(SUMMARY).execute(Tuple.of(userId)).map(rows -> {
            List<Held> held = new ArrayList<>(3);
            for (Row r : rows) {
                held.add(new Held(r.getString(0), r.getLong(1), instant(r.getOffsetDateTime(2)), instant(r.getOffsetDateTime(3))));
            }
            return held;
        });
    }

    /** The user's whole copy of the interactions here, oldest first (searches without a chosen title included). */
    public Uni<List<HistoryEvent>> interactions(String userId) {
        return pool.preparedQuery(INTERACTIONS).execute(Tuple.of(userId)).map(rows -> {
            List<HistoryEvent> events = new ArrayList<>(rows.rowCount());
            for (Row r : rows) {
                events.add(new HistoryEvent(r.getUUID(0), r.getString(1), InteractionType.valueOf(r.getString(2)),
                        r.getDouble(3), r.getOffsetDateTime(4).toInstant(), r.getString(5),
                        r.getValue(6) == null ? null : r.getInteger(6)));
            }
            return events;
        });
    }

    public Uni<List<Forgotten>> forgotten(String userId) {
        return pool.preparedQuery("SELECT event_id, forgotten_at FROM forgotten_events WHERE user_id = $1 ORDER BY forgotten_at, event_id")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<Forgotten> forgotten = new ArrayList<>(rows.rowCount());
                    for (Row r : rows) {
                        forgotten.add(new Forgotten(r.getUUID(0), r.getOffsetDateTime(1).toInstant()));
                    }
                    return forgotten;
                });
    }

    /** Deletes the user's interactions on the caller's transaction; returns them, so popularity can be taken back. */
    public Uni<List<HistoryEvent>> eraseInteractions(SqlClient tx, String userId) {
        return tx.preparedQuery(ERASE_INTERACTIONS).execute(Tuple.of(userId)).map(rows -> {
            List<HistoryEvent> gone = new ArrayList<>(rows.rowCount());
            for (Row r : rows) {
                gone.add(new HistoryEvent(r.getUUID(0), r.getString(1), InteractionType.valueOf(r.getString(2)),
                        r.getDouble(3), r.getOffsetDateTime(4).toInstant(), null, null));
            }
            return gone;
        });
    }

    /** Deletes the record of the user's forgotten events on the caller's transaction; returns their ids. */
    public Uni<List<UUID>> eraseForgotten(SqlClient tx, String userId) {
        return tx.preparedQuery("DELETE FROM forgotten_events WHERE user_id = $1 RETURNING event_id").execute(Tuple.of(userId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }


    /** Deletes interactions older than {@code historyBefore}, and searches older than {@code searchBefore}; returns how many. */
    public Uni<Integer> purgeInteractions(Instant historyBefore, Instant searchBefore) {
        return pool.preparedQuery(PURGE_INTERACTIONS).execute(Tuple.of(utc(historyBefore), utc(searchBefore)))
                .map(RowSet::rowCount);
    }

    /** Deletes the record of events forgotten before the instant; returns how many. */
    public Uni<Integer> purgeForgotten(Instant before) {
        return pool.preparedQuery("DELETE FROM forgotten_events WHERE forgotten_at < $1").execute(Tuple.of(utc(before)))
                .map(RowSet::rowCount);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
