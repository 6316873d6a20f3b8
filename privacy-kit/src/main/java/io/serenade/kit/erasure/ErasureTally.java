package io.serenade.kit.erasure;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.kit.consent.ConsentViewStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an erasure's consent tombstone removed before the erasure request itself arrived, so that the receipt counts
 * what the member had when the erasure began, not only what was left for the request (table {@code erasure_tally}:
 * user_id, store, removed). consent-service publishes the tombstone first, so the consent view, and what a service
 * drops when a view goes (artwork's sticky state), are often gone when the request comes. The tombstone's path adds
 * its counts here; the service's {@link UserErasure} takes them ({@link #take}) in its erasure's transaction, adds
 * them to its own and the row goes with the rest. A row names the user by id like the data it counts, and lives
 * seconds: from the tombstone to the request (consent-service sends the request again until every service answered).
 */
@ApplicationScoped
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ErasureTally {

    private static final String ADD = """
            INSERT INTO erasure_tally (user_id, store, removed) VALUES ($1, $2, $3)
            ON CONFLICT (user_id, store) DO UPDATE SET removed = erasure_tally.removed + EXCLUDED.removed
            """;

    private final Pool pool;

    public ErasureTally(Pool pool) {
        this.pool = pool;
    }

    /** Adds what the tombstone removed from a store, on the transaction that removed it. */
    public Uni<Void> add(SqlClient tx, String userId, String store, long removed) {
        return removed <= 0 ? Uni.createFrom().voidItem()
                : tx.preparedQuery(ADD).execute(Tuple.of(userId, store, removed)).replaceWithVoid();
    }

    /** Adds one removed item of a store for each of the users, in one statement on the removing transaction. */
    public Uni<Void> addOneEach(SqlClient tx, List<String> userIds, String store) {
        return userIds.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("""
                        INSERT INTO erasure_tally (user_id, store, removed) SELECT u, $2, 1 FROM unnest($1::text[]) AS u
                        ON CONFLICT (user_id, store) DO UPDATE SET removed = erasure_tally.removed + 1
                        """).execute(Tuple.of(userIds.toArray(String[]::new), store)).replaceWithVoid();
    }

    /** Adds what the tombstone removed from a store outside PostgreSQL (Redis keys), after the fact. */
    public Uni<Void> add(String userId, String store, long removed) {
        return add(pool, userId, store, removed);
    }

    /** Takes the user's tally (deleting it, on the erasure's transaction): store → what the tombstone removed. */
    public Uni<Map<String, Long>> take(SqlClient tx, String userId) {
        return tx.preparedQuery("DELETE FROM erasure_tally WHERE user_id = $1 RETURNING store, removed")
                .execute(Tuple.of(userId)).map(rows -> {
                    Map<String, Long> tally = new LinkedHashMap<>();
                    for (Row r : rows) {
                        tally.merge(r.getString("store"), r.getLong("removed"), Long::sum);
                    }
                    return tally;
                });
    }

    /** {@code counts} with the tally added, store by store: what the member had when the erasure began. */
    public static Map<String, Long> plus(Map<String, Long> counts, Map<String, Long> tally) {
        Map<String, Long> sum = new LinkedHashMap<>(counts);
        tally.forEach((store, n) -> sum.merge(store, n, Long::sum));
        return sum;
    }
}
