package io.serenade.kit.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.kit.erasure.ErasureTally;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent view (table {@code consent_view}: user_id, purposes, changed_at, applied_at), written only from the
 * consent topic. A batch is applied in a few set-based statements (deletes for tombstones, one upsert, one
 * clearing of unknown changes), so that replaying the compacted topic from the start stays fast.
 */
@ApplicationScoped
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ConsentViewStore {

    /** Build-time switch: a service that keeps a consent view sets it (and has the table, from its migrations). */
    public static final String ENABLED = "serenade.kit.consent-view.enabled";

    /** One user's whole consent state as of {@code changedAt}: the purposes granted. */
    public record Change(String userId, List<String> purposes, Instant changedAt) {
    }

    /**
     * A change of the user that could not be read: their grants are cleared unless the view holds the change read
     * after it ({@code changedAtAfter}, null when none was).
     */
    public record Unknown(String userId, Instant changedAtAfter) {
    }

    // Purpose names never hold commas, so a joined string per user avoids a (rectangular-only) 2-D array.
    // An older or equal changedAt is not applied: a replay must not undo a newer change, nor move appliedAt.
    private static final String UPSERT = """
            INSERT INTO consent_view (user_id, purposes, changed_at, applied_at)
            SELECT u, string_to_array(g, ','), c, clock_timestamp()
            FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x (u, g, c)
            ON CONFLICT (user_id) DO UPDATE
                SET purposes = EXCLUDED.purposes, changed_at = EXCLUDED.changed_at, applied_at = EXCLUDED.applied_at
                WHERE consent_view.changed_at < EXCLUDED.changed_at
            """;

    // Only the grants: changedAt stays, so that any newer change still applies over the cleared view, and an older
    // one replayed still does not. A user without a view has nothing granted already.
    private static final String CLEAR = """
            UPDATE consent_view v SET purposes = '{}', applied_at = clock_timestamp()
            FROM unnest($1::text[], $2::timestamptz[]) AS x (u, after)
            WHERE v.user_id = x.u AND v.changed_at IS DISTINCT FROM x.after AND cardinality(v.purposes) > 0
            """;

    private static final String COLUMNS = "user_id, purposes, changed_at, applied_at";

    /** Where the tombstone path counts the consent view it removed, for the erasure's receipt. */
    public static final String STORE = "postgresql:consent_view";

    private final Pool pool;
    private final ErasureTally tally;

    public ConsentViewStore(Pool pool, ErasureTally tally) {
        this.pool = pool;
        this.tally = tally;
    }

    Pool pool() {
        return pool;
    }

    /**
     * Deletes the erased users' views (counted in the {@link ErasureTally} for their erasure's receipt), applies the
     * changes (at most one per user), clears the unknowns' grants.
     */
    Uni<Void> apply(SqlClient tx, List<String> erased, List<Change> changes, List<Unknown> unknowns) {
        Uni<Void> deleted = erased.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("DELETE FROM consent_view WHERE user_id = ANY($1) RETURNING user_id")
                .execute(Tuple.of(erased.toArray(String[]::new)))
                .chain(rows -> {
                    List<String> removed = new ArrayList<>(rows.size());
                    rows.forEach(r -> removed.add(r.getString("user_id")));
                    return tally.addOneEach(tx, removed, STORE);
                });
        return deleted
                .chain(() -> changes.isEmpty() ? Uni.createFrom().voidItem() : upsert(tx, changes))
                .chain(() -> unknowns.isEmpty() ? Uni.createFrom().voidItem() : clear(tx, unknowns));
    }

    private static Uni<Void> upsert(SqlClient tx, List<Change> changes) {
        String[] users = changes.stream().map(Change::userId).toArray(String[]::new);
        String[] purposes = changes.stream().map(c -> String.join(",", c.purposes())).toArray(String[]::new);
        OffsetDateTime[] changed = changes.stream().map(c -> c.changedAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return tx.preparedQuery(UPSERT).execute(Tuple.of(users, purposes, changed)).replaceWithVoid();
    }

    private static Uni<Void> clear(SqlClient tx, List<Unknown> unknowns) {
        String[] users = unknowns.stream().map(Unknown::userId).toArray(String[]::new);
        OffsetDateTime[] after = unknowns.stream()
                .map(u -> u.changedAtAfter() == null ? null : u.changedAtAfter().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return tx.preparedQuery(CLEAR).execute(Tuple.of(users, after)).replaceWithVoid();
    }

    /** The user's view; null when this service knows nothing of them (nothing is granted then). */
    public Uni<ConsentView> find(String userId) {
        return find(pool, userId);
    }

    /** The user's view, on the caller's connection or transaction. */
    public Uni<ConsentView> find(SqlClient client, String userId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM consent_view WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.rowCount() == 0 ? null : view(rows.iterator().next()));
    }

    /** The views of these users that exist, by user id. */
    public Uni<Map<String, ConsentView>> find(SqlClient client, Collection<String> userIds) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM consent_view WHERE user_id = ANY($1)")
                .execute(Tuple.of((Object) userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, ConsentView> views = new HashMap<>();
                    rows.forEach(r -> views.put(r.getString(0), view(r)));
                    return views;
                });
    }

    /** Deletes the user's view on the caller's transaction (their erasure); returns how many rows (0 or 1). */
    public Uni<Integer> delete(SqlClient tx, String userId) {
        return tx.preparedQuery("DELETE FROM consent_view WHERE user_id = $1").execute(Tuple.of(userId)).map(RowSet::rowCount);
    }

    private static ConsentView view(Row r) {
        return new ConsentView(r.getString(0), List.of(r.getArrayOfStrings(1)), r.getOffsetDateTime(2).toInstant(),
                r.getOffsetDateTime(3).toInstant());
    }
}
