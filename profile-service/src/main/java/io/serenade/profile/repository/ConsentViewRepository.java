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
import java.util.stream.Stream;

/**
 * The consent view. Reads by id go through Panache; a batch of changes from the topic is applied in one
 * transaction of a few set-based statements (deletes for tombstones, one upsert, one clearing of unknown
 * changes, one drop of search text), so that replaying the compacted topic from the start stays fast.
 */
@ApplicationScoped
@WithSession
public class ConsentViewRepository implements PanacheRepositoryBase<ConsentView, String> {

    /** One user's whole consent state as of {@code changedAt}: the purposes granted. */
    public record Change(String userId, List<String> granted, Instant changedAt) {
    }

    /**
     * A change of the user that could not be read: their grants are cleared unless the view holds the change
     * read after it ({@code changedAtAfter}, null when none was).
     */
    public record Unknown(String userId, Instant changedAtAfter) {
    }

    // Only the grants: changedAt and appliedAt stay, so that any newer change still applies over the cleared view.
    // A user without a view has nothing granted already.
    private static final String CLEAR = """
            UPDATE consent_view v SET granted = '{}'
            FROM unnest($1::text[], $2::timestamptz[]) AS x (u, after)
            WHERE v.user_id = x.u AND v.changed_at IS DISTINCT FROM x.after AND cardinality(v.granted) > 0
            """;

    // Search text is kept only under search-history: once the view no longer grants it, the text already stored
    // goes (the searches stay, as bare searches of the user's history).
    private static final String DROP_SEARCH_TEXT = """
            UPDATE interactions i SET query = NULL
            WHERE i.user_id = ANY ($1) AND i.query IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM consent_view v
                              WHERE v.user_id = i.user_id AND 'search-history' = ANY (v.granted))
            """;

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

    /**
     * Deletes the erased users' views, applies the changes (at most one per user), clears the grants of users
     * with an unknown change, then drops search text no longer consented to; returns view rows touched.
     */
    public Uni<Integer> apply(List<String> erased, List<Change> changes, List<Unknown> unknowns) {
        return pool.withTransaction(c -> {
            Uni<Integer> deleted = erased.isEmpty() ? Uni.createFrom().item(0)
                    : c.preparedQuery("DELETE FROM consent_view WHERE user_id = ANY($1)")
                    .execute(Tuple.of(erased.toArray(String[]::new))).map(r -> r.rowCount());
            return deleted
                    .flatMap(d -> changes.isEmpty() ? Uni.createFrom().item(d) : upsert(c, changes).map(u -> u + d))
                    .flatMap(n -> unknowns.isEmpty() ? Uni.createFrom().item(n) : clear(c, unknowns).map(u -> u + n))
                    .call(n -> dropSearchText(c, changes, unknowns));
        });
    }

    private static Uni<Integer> clear(SqlConnection c, List<Unknown> unknowns) {
        String[] users = unknowns.stream().map(Unknown::userId).toArray(String[]::new);
        OffsetDateTime[] after = unknowns.stream()
                .map(u -> u.changedAtAfter() == null ? null : u.changedAtAfter().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return c.preparedQuery(CLEAR).execute(Tuple.of(users, after)).map(r -> r.rowCount());
    }

    private static Uni<Void> dropSearchText(SqlConnection c, List<Change> changes, List<Unknown> unknowns) {
        String[] users = Stream.concat(changes.stream().map(Change::userId), unknowns.stream().map(Unknown::userId))
                .distinct().toArray(String[]::new);
        return users.length == 0 ? Uni.createFrom().voidItem()
                : c.preparedQuery(DROP_SEARCH_TEXT).execute(Tuple.of((Object) users)).replaceWithVoid();
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
