package io.serenade.artwork.repository;

import io.serenade.artwork.model.ConsentView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** artwork-service's view of each user's consent (table consent_view), written only from the consent topic. */
@ApplicationScoped
public class ConsentViewRepository {

    /**
     * A change applies only if it is newer than the one stored: Kafka may redeliver, and a replayed older value
     * must never undo a withdrawal. Returns the row when it changed, nothing when the change was stale.
     */
    private static final String APPLY = """
            INSERT INTO consent_view (user_id, purposes, changed_at, applied_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (user_id) DO UPDATE SET purposes = excluded.purposes, changed_at = excluded.changed_at,
                                                applied_at = excluded.applied_at
            WHERE consent_view.changed_at < excluded.changed_at
            RETURNING user_id, purposes, changed_at, applied_at
            """;

    private final Pool pool;

    public ConsentViewRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the user's granted purposes as of {@code changedAt}; null when a newer change is stored already. */
    public Uni<ConsentView> apply(String userId, List<String> granted, Instant changedAt, Instant appliedAt) {
        return pool.preparedQuery(APPLY)
                .execute(Tuple.of(userId, granted.toArray(String[]::new), changedAt.atOffset(ZoneOffset.UTC),
                        appliedAt.atOffset(ZoneOffset.UTC)))
                .map(ConsentViewRepository::first);
    }

    public Uni<ConsentView> find(String userId) {
        return pool.preparedQuery("SELECT user_id, purposes, changed_at, applied_at FROM consent_view WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(ConsentViewRepository::first);
    }

    /**
     * Clears the user's granted purposes, keeping changed_at (a change that could not be read or ordered: it may
     * have been a withdrawal). No row is left as it is: no row already means nothing is granted.
     */
    public Uni<ConsentView> clear(String userId, Instant appliedAt) {
        return pool.preparedQuery("UPDATE consent_view SET purposes = '{}', applied_at = $2 WHERE user_id = $1 "
                        + "RETURNING user_id, purposes, changed_at, applied_at")
                .execute(Tuple.of(userId, appliedAt.atOffset(ZoneOffset.UTC))).map(ConsentViewRepository::first);
    }

    /** Deletes the user's view (a tombstone on the topic: no consent is known any more). */
    public Uni<Integer> forget(String userId) {
        return delete(pool, userId);
    }

    /** Deletes the user's view on the caller's transaction; returns how many rows (0 or 1). */
    public Uni<Integer> delete(SqlClient tx, String userId) {
        return tx.preparedQuery("DELETE FROM consent_view WHERE user_id = $1").execute(Tuple.of(userId)).map(RowSet::rowCount);
    }

    private static ConsentView first(RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            return null;
        }
        Row r = rows.iterator().next();
        return new ConsentView(r.getString(0), List.of(r.getArrayOfStrings(1)), r.getOffsetDateTime(2).toInstant(),
                r.getOffsetDateTime(3).toInstant());
    }
}
