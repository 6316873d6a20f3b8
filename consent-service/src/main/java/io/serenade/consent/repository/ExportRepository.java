package io.serenade.consent.repository;

import io.serenade.consent.model.ExportJob;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Export jobs and their archives, in plain SQL on the reactive pool: the jobs run in the background, outside
 * any Hibernate session, and the archive (a JSON document of megabytes) is written and served as text rather
 * than mapped.
 */
@ApplicationScoped
public class ExportRepository {

    private static final String COLUMNS = "id, user_id, status, progress, created_at, completed_at, expires_at";

    private final Pool pool;

    public ExportRepository(Pool pool) {
        this.pool = pool;
    }

    /** The user's running export, if any (null otherwise), on the caller's connection. */
    public Uni<ExportJob> running(SqlClient connection, String userId) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM exports WHERE user_id = $1 AND status = 'RUNNING'")
                .execute(Tuple.of(userId)).map(ExportRepository::first);
    }

    public Uni<ExportJob> insert(SqlClient connection, ExportJob job) {
        return connection.preparedQuery("""
                        INSERT INTO exports (id, user_id, status, progress, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6) RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(List.of(job.id(), job.userId(), job.status(), new JsonObject(Map.copyOf(job.progress())),
                        DataUseRepository.utc(job.createdAt()), DataUseRepository.utc(job.expiresAt()))))
                .map(ExportRepository::first);
    }

    /** The user's export with this id, null if there is none (or it is another user's, or it expired). */
    public Uni<ExportJob> find(String userId, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM exports WHERE id = $1 AND user_id = $2 AND expires_at > now()")
                .execute(Tuple.of(id, userId)).map(ExportRepository::first);
    }

    /** The archive as stored (JSON text), null if there is none yet. */
    public Uni<String> archive(UUID id) {
        return pool.preparedQuery("SELECT archive::text FROM exports WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /** Records one part's state; a row deleted meanwhile (the user was erased) is left deleted. */
    public Uni<Void> progress(UUID id, String service, String state) {
        return pool.preparedQuery("UPDATE exports SET progress = jsonb_set(progress, ARRAY[$2], to_jsonb($3::text)) WHERE id = $1")
                .execute(Tuple.of(id, service, state)).replaceWithVoid();
    }

    /** Finishes a running job with its archive; false if it is no longer there or no longer running. */
    public Uni<Boolean> complete(UUID id, String status, String archiveJson, Instant at) {
        return pool.preparedQuery("""
                        UPDATE exports SET status = $2, archive = CAST($3 AS text)::jsonb, completed_at = $4
                         WHERE id = $1 AND status = 'RUNNING'""")
                .execute(Tuple.of(id, status, archiveJson, DataUseRepository.utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Jobs that have been running since before the cutoff died with their instance: they become FAILED. */
    public Uni<Integer> failStale(Instant cutoff) {
        return pool.preparedQuery("""
                        UPDATE exports SET status = 'FAILED', completed_at = now()
                         WHERE status = 'RUNNING' AND created_at < $1""")
                .execute(Tuple.of(DataUseRepository.utc(cutoff))).map(rows -> rows.rowCount());
    }

    public Uni<Integer> purgeExpired(Instant now) {
        return pool.preparedQuery("DELETE FROM exports WHERE expires_at <= $1")
                .execute(Tuple.of(DataUseRepository.utc(now))).map(rows -> rows.rowCount());
    }

    /** Deletes every export of the user on the caller's connection; returns the deleted ids. */
    public Uni<List<UUID>> deleteForUser(SqlClient connection, String userId) {
        return connection.preparedQuery("DELETE FROM exports WHERE user_id = $1 RETURNING id")
                .execute(Tuple.of(userId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getUUID(0)).toList());
    }

    private static ExportJob first(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row r = rows.iterator().next();
        Map<String, String> progress = new LinkedHashMap<>();
        r.getJsonObject("progress").forEach(e -> progress.put(e.getKey(), String.valueOf(e.getValue())));
        OffsetDateTime completed = r.getOffsetDateTime("completed_at");
        return new ExportJob(r.getUUID("id"), r.getString("user_id"), r.getString("status"), progress,
                r.getOffsetDateTime("created_at").toInstant(), completed == null ? null : completed.toInstant(),
                r.getOffsetDateTime("expires_at").toInstant());
    }
}
