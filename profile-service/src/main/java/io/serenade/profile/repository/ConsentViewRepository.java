package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.serenade.profile.model.ConsentView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The consent view. Reads by id go through Panache; a batch of changes from the topic is applied in one
 * transaction of two statements (deletes for tombstones, then one upsert), so that replaying the compacted
 * topic from the start stays fast.
 */
@ApplicationScoped
@WithSession
public class ConsentViewRepository implements PanacheRepositoryBase<ConsentView, String> {

    /** One user's whole consent state as of {@code changedAt}: the purposes granted. */
    public record Change(String userId, List<String> granted, Instant changedAt) {
    }

    // Purpose names never hold commas, so a joined string per user avoids a (rectangular-only) 2-D array.
    // Older or equal changedAt is not applied: a replay must not undo a newer change, nor move appliedAt.
    private static final String UPSERT = """
            INSERT INTO consent_view (user_id, granted, changed_at, applied_at)
            SELECT u, string_to_array(g, ','), c, clock_timestamp()
            FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x (u, g, c)
            ON CONFLICT (user_id) DO UPDATE
                SET granted = EXCLUDED.granted, changed_at = EXCLUDED.changed_at, applied_at = EXCLUDED.applied_at
                WHERE consent_view.changed_at < EXCLUDED.changed_at
            """;

    private final Pool pool;

    public ConsentViewRepository(Pool pool) {
        this.pool = pool;
    }

    /** Deletes the erased users' views, then applies the changes (at most one per user); returns rows touched. */
    public Uni<Integer> apply(List<String> erased, List<Change> changes) {
        return pool.withTransaction(c -> {
            Uni<Integer> deleted = erased.isEmpty() ? Uni.createFrom().item(0)
                    : c.preparedQuery("DELETE FROM consent_view WHERE user_id = ANY($1)")
                    .execute(Tuple.of(erased.toArray(String[]::new))).map(r -> r.rowCount());
            return deleted.flatMap(d -> changes.isEmpty() ? Uni.createFrom().item(d) : upsert(c, changes).map(u -> u + d));
        });
    }

    private static Uni<Integer> upsert(SqlConnection c, List<Change> changes) {
        String[] users = changes.stream().map(Change::userId).toArray(String[]::new);
        String[] granted = changes.stream().map(ch -> String.join(",", ch.granted())).toArray(String[]::new);
        OffsetDateTime[] changed = changes.stream().map(ch -> ch.changedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return c.preparedQuery(UPSERT).execute(Tuple.of(users, granted, changed)).map(r -> r.rowCount());
    }

    /** The purposes the user granted, on the caller's transaction; null when this service knows nothing of them. */
    public Uni<List<String>> granted(SqlConnection connection, String userId) {
        return connection.preparedQuery("SELECT granted FROM consent_view WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? Arrays.asList(it.next().getArrayOfStrings("granted")) : null;
                });
    }
}
