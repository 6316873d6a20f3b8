package io.serenade.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.serenade.consent.model.ConsentRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The consent ledger. Append and read only, with one exception: a user's erasure deletes their rows
 * ({@link #deleteForUser}). There is deliberately no update. The reads for exports and transparency and the
 * erasure's delete go through the reactive pool: they run in background jobs and in the erasure's own
 * transaction, outside any Hibernate session; so a session is opened per method ({@code @WithSession}) and
 * only by those that use one.
 */
@ApplicationScoped
public class ConsentLedgerRepository implements PanacheRepositoryBase<ConsentRecord, Long> {

    private final Pool pool;

    public ConsentLedgerRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Serialises the writers of one user's consents until the transaction ends. Without it two concurrent
     * changes could both be computed against the same "current" state, and append or publish out of order.
     */
    @WithSession
    public Uni<Void> lockUser(String userId) {
        return getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtextextended(:userId, 0))")
                .setParameter("userId", userId).getSingleResult()).replaceWithVoid();
    }

    /** The latest row of each purpose the user has ever answered: their current state. */
    @WithSession
    public Uni<List<ConsentRecord>> current(String userId) {
        return list("""
                from ConsentRecord c where c.userId = ?1
                 and c.id = (select max(r.id) from ConsentRecord r where r.userId = ?1 and r.purpose = c.purpose)""", userId);
    }

    /** A page of the user's ledger, newest first. */
    @WithSession
    public Uni<List<ConsentRecord>> page(String userId, int pageIndex, int pageSize) {
        return find("userId", Sort.descending("id"), userId).page(Page.of(pageIndex, pageSize)).list();
    }

    @WithSession
    public Uni<Long> countForUser(String userId) {
        return count("userId", userId);
    }

    /** Every row of the user's ledger, oldest first (detached entities, for reading only). */
    public Uni<List<ConsentRecord>> allForUser(String userId) {
        return pool.preparedQuery("""
                        SELECT id, purpose, state, policy_version, source, recorded_at FROM consent_ledger
                         WHERE user_id = $1 ORDER BY id""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<ConsentRecord> records = new ArrayList<>();
                    for (Row r : rows) {
                        ConsentRecord c = new ConsentRecord();
                        c.id = r.getLong("id");
                        c.userId = userId;
                        c.purpose = r.getString("purpose");
                        c.state = r.getString("state");
                        c.policyVersion = r.getString("policy_version");
                        c.source = r.getString("source");
                        c.recordedAt = r.getOffsetDateTime("recorded_at").toInstant();
                        records.add(c);
                    }
                    return records;
                });
    }

    /** How many ledger rows the user has, and when the oldest and newest were recorded. */
    public Uni<Holdings> holdings(String userId) {
        return pool.preparedQuery("SELECT count(*), min(recorded_at), max(recorded_at) FROM consent_ledger WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Holdings.of(rows.iterator().next()));
    }

    /**
     * Erasure, the only delete of the ledger: the user asked for everything about them to go, and the evidence of
     * their consent is about them too. Runs on the caller's connection (the erasure's transaction); returns the
     * deleted row ids.
     */
    public Uni<List<Long>> deleteForUser(SqlClient connection, String userId) {
        return connection.preparedQuery("DELETE FROM consent_ledger WHERE user_id = $1 RETURNING id")
                .execute(Tuple.of(userId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getLong(0)).toList());
    }
}
