package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.serenade.profile.model.NotificationSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;

/**
 * Users' notification settings. Written with one upsert (two first PUTs for a user at once must not make a
 * duplicate-key error); read by Panache, or on the pacing decision's own connection.
 */
@ApplicationScoped
@WithSession
public class NotificationSettingsRepository implements PanacheRepositoryBase<NotificationSettings, String> {

    private static final String UPSERT = """
            INSERT INTO notification_settings (user_id, per_day, per_week, quiet_start, quiet_end, updated_at)
            VALUES ($1, $2, $3, $4, $5, clock_timestamp())
            ON CONFLICT (user_id) DO UPDATE SET per_day = EXCLUDED.per_day, per_week = EXCLUDED.per_week,
                quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, updated_at = EXCLUDED.updated_at
            RETURNING user_id, per_day, per_week, quiet_start, quiet_end, updated_at
            """;

    private final Pool pool;

    public NotificationSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<NotificationSettings> upsert(String userId, int perDay, int perWeek, LocalTime quietStart, LocalTime quietEnd) {
        return pool.preparedQuery(UPSERT).execute(Tuple.of(userId, perDay, perWeek, quietStart, quietEnd))
                .map(rows -> toEntity(rows.iterator().next()));
    }

    /** The user's settings on the given client (e.g. a transaction's connection); null while they keep the defaults. */
    public Uni<NotificationSettings> find(SqlClient client, String userId) {
        return client.preparedQuery("""
                        SELECT user_id, per_day, per_week, quiet_start, quiet_end, updated_at
                        FROM notification_settings WHERE user_id = $1""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? toEntity(it.next()) : null;
                });
    }

    private static NotificationSettings toEntity(Row row) {
        NotificationSettings s = new NotificationSettings();
        s.userId = row.getString("user_id");
        s.perDay = row.getInteger("per_day");
        s.perWeek = row.getInteger("per_week");
        s.quietStart = row.getLocalTime("quiet_start");
        s.quietEnd = row.getLocalTime("quiet_end");
        s.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        return s;
    }
}
