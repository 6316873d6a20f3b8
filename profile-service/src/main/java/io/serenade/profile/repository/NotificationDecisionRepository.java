package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.serenade.profile.model.NotificationDecision;
import io.serenade.profile.pacing.NotificationPacer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pacing decisions: written and counted on the decision's transaction, paged by Panache for the user. */
@ApplicationScoped
@WithSession
public class NotificationDecisionRepository implements PanacheRepositoryBase<NotificationDecision, UUID> {

    private final Pool pool;

    public NotificationDecisionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SqlConnection connection, NotificationDecision d) {
        return connection.preparedQuery("""
                        INSERT INTO notification_decisions (id, user_id, kind, urgency, decision, reason, defer_until, decided_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(new Object[]{d.id, d.userId, d.kind, d.urgency, d.decision, d.reason,
                        d.deferUntil == null ? null : d.deferUntil.atOffset(ZoneOffset.UTC), d.decidedAt.atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }

    /** The user's notifications allowed since {@code since}, which is what caps and repeat windows count. */
    public Uni<List<NotificationPacer.Allowed>> allowedSince(SqlConnection connection, String userId, Instant since) {
        return connection.preparedQuery("""
                        SELECT kind, decided_at FROM notification_decisions
                        WHERE user_id = $1 AND decision = 'ALLOW' AND decided_at >= $2""")
                .execute(Tuple.of(userId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<NotificationPacer.Allowed> allowed = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        allowed.add(new NotificationPacer.Allowed(r.getString("kind"), r.getOffsetDateTime("decided_at").toInstant()));
                    }
                    return allowed;
                });
    }

    /** A page of the user's decisions, newest first. */
    public Uni<List<NotificationDecision>> pageForUser(String userId, int pageIndex, int pageSize) {
        return find("userId", Sort.descending("decidedAt").and("id", Sort.Direction.Descending), userId)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    public Uni<Long> countForUser(String userId) {
        return count("userId", userId);
    }

    /** Deletes decisions made before {@code cutoff}, in bounded chunks; returns how many. */
    public Uni<Long> purgeBefore(Instant cutoff) {
        return Purge.inChunks(pool, """
                DELETE FROM notification_decisions WHERE id IN
                    (SELECT id FROM notification_decisions WHERE decided_at < $1 LIMIT $2)""", cutoff);
    }
}
