package io.serenade.consent.repository;

import io.serenade.consent.model.Erasure;
import io.serenade.consent.model.ServiceReceipt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasures and their receipts, in plain SQL on the reactive pool: the erasure is recorded in the same transaction
 * (connection) that deletes the user's rows from the other tables, and receipts arrive from a consumer and the
 * retries from a scheduled job, outside any Hibernate session.
 */
@ApplicationScoped
public class ErasureRepository {

    private static final String COLUMNS = "id, user_id, user_hash, status, requested_at, completed_at, attempts";

    private final Pool pool;

    public ErasureRepository(Pool pool) {
        this.pool = pool;
    }

    /** The user's erasure in progress, null if none; on the caller's connection. */
    public Uni<Erasure> running(SqlClient connection, String userId) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM erasures WHERE user_id = $1 AND status = 'RUNNING'")
                .execute(Tuple.of(userId)).map(ErasureRepository::first);
    }

    public Uni<Erasure> insert(SqlClient connection, Erasure e) {
        return connection.preparedQuery("""
                        INSERT INTO erasures (id, user_id, user_hash, status, requested_at, attempts, last_attempt_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $5) RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(e.id(), e.userId(), e.userHash(), e.status(), DataUseRepository.utc(e.requestedAt()), e.attempts()))
                .map(ErasureRepository::first);
    }

    /**
     * The erasure with this id if it is this user's, else null: by the user's pseudonyms (the current key's and, during
     * a rotation, the previous one's), which outlive the user id.
     */
    public Uni<Erasure> find(List<String> userHashes, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM erasures WHERE id = $1 AND user_hash = ANY($2)")
                .execute(Tuple.of(id, userHashes.toArray(String[]::new))).map(ErasureRepository::first);
    }

    public Uni<List<ServiceReceipt>> receipts(UUID erasureId) {
        return pool.preparedQuery("""
                        SELECT service, deleted_per_store, digest, completed_at FROM erasure_receipts
                         WHERE erasure_id = $1 ORDER BY service""")
                .execute(Tuple.of(erasureId))
                .map(rows -> {
                    List<ServiceReceipt> receipts = new ArrayList<>();
                    for (Row r : rows) {
                        Map<String, Long> deleted = new LinkedHashMap<>();
                        r.getJsonObject("deleted_per_store").forEach(e -> deleted.put(e.getKey(), ((Number) e.getValue()).longValue()));
                        receipts.add(new ServiceReceipt(r.getString("service"), deleted, r.getString("digest"),
                                r.getOffsetDateTime("completed_at").toInstant()));
                    }
                    return receipts;
                });
    }

    /**
     * Stores a service's receipt, once per erasure and service (a repeated answer keeps the first, which saw the
     * data). Only for an erasure of that very user: a receipt naming an unknown erasure, or another user, is
     * dropped. Returns whether it was new.
     */
    public Uni<Boolean> insertReceipt(SqlClient connection, UUID erasureId, List<String> userHashes, ServiceReceipt receipt) {
        return connection.preparedQuery("""
                        INSERT INTO erasure_receipts (erasure_id, service, deleted_per_store, digest, completed_at)
                        SELECT e.id, $3, $4, $5, $6 FROM erasures e WHERE e.id = $1 AND e.user_hash = ANY($2)
                        ON CONFLICT (erasure_id, service) DO NOTHING""")
                .execute(Tuple.of(erasureId, userHashes.toArray(String[]::new), receipt.service(), new JsonObject(new LinkedHashMap<>(receipt.deletedPerStore())),
                        receipt.digest(), DataUseRepository.utc(receipt.completedAt())))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Completes the erasure if every one of {@code services} has answered: DONE, completed now, and the user id
     * forgotten. Returns whether this call completed it.
     */
    public Uni<Boolean> completeIfAnswered(UUID erasureId, List<String> services) {
        return pool.preparedQuery("""
                        UPDATE erasures SET status = 'DONE', completed_at = now(), user_id = NULL
                         WHERE id = $1 AND status <> 'DONE'
                           AND (SELECT count(*) FROM erasure_receipts r
                                 WHERE r.erasure_id = $1 AND r.service = ANY($2)) = cardinality($2)""")
                .execute(Tuple.of(erasureId, services.toArray(String[]::new)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Claims the unfinished erasures due for another request and counts the attempt: RUNNING ones asked last
     * before {@code now - retryAfter}, FAILED ones before {@code now - failedRetryAfter}. A RUNNING one that has
     * used its attempts becomes FAILED. Claiming and counting in one statement keeps two instances from asking
     * twice. Returns them as they are after the update (with their user id, still set while unfinished).
     */
    public Uni<List<Erasure>> claimDue(Instant now, Duration retryAfter, Duration failedRetryAfter, int maxAttempts) {
        return pool.preparedQuery("""
                        UPDATE erasures
                           SET attempts = attempts + 1, last_attempt_at = $1,
                               status = CASE WHEN status = 'RUNNING' AND attempts >= $4 THEN 'FAILED' ELSE status END
                         WHERE status <> 'DONE'
                           AND ((status = 'RUNNING' AND last_attempt_at <= $2) OR (status = 'FAILED' AND last_attempt_at <= $3))
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(DataUseRepository.utc(now), DataUseRepository.utc(now.minus(retryAfter)),
                        DataUseRepository.utc(now.minus(failedRetryAfter)), maxAttempts))
                .map(rows -> {
                    List<Erasure> due = new ArrayList<>();
                    rows.forEach(r -> due.add(of(r)));
                    return due;
                });
    }

    private static Erasure first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? of(rows.iterator().next()) : null;
    }

    private static Erasure of(Row r) {
        OffsetDateTime completed = r.getOffsetDateTime("completed_at");
        return new Erasure(r.getUUID("id"), r.getString("user_id"), r.getString("user_hash"), r.getString("status"),
                r.getOffsetDateTime("requested_at").toInstant(), completed == null ? null : completed.toInstant(),
                r.getInteger("attempts"));
    }
}
