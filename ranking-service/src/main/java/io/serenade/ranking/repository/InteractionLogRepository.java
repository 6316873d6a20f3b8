package io.serenade.ranking.repository;

import io.serenade.events.InteractionRecorded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ranking's copy of interactions. One statement per batch; it returns the ids that were new, so the caller
 * applies each event to the online state exactly once however often Kafka delivers it.
 */
@ApplicationScoped
public class InteractionLogRepository {

    private static final String INSERT_BATCH = """
            INSERT INTO interactions (event_id, user_id, title_id, type, value, occurred_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """;

    private final Pool pool;

    public InteractionLogRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the events and hands the ids that were new to {@code beforeCommit}, inside the transaction:
     * if that step fails, the insert rolls back and a redelivery finds the events new again.
     */
    public Uni<Set<UUID>> insertNew(List<InteractionRecorded> events, Function<Set<UUID>, Uni<Void>> beforeCommit) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] users = new String[n], titles = new String[n], types = new String[n];
        Double[] values = new Double[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            InteractionRecorded e = events.get(i);
            ids[i] = e.eventId();
            users[i] = e.userId();
            titles[i] = e.titleId();
            types[i] = e.type().name();
            values[i] = e.value();
            occurred[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
        }
        Tuple args = Tuple.tuple(List.of(ids, users, titles, types, values, occurred));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_BATCH).execute(args)
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row r : rows) {
                        inserted.add(r.getUUID(0));
                    }
                    return inserted;
                })
                .call(inserted -> beforeCommit.apply(Set.copyOf(inserted))));
    }
}
