package io.serenade.artwork.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.serenade.artwork.model.Title;
import io.serenade.events.TitleUpserted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * artwork-service's copy of catalog titles. The consumer writes a batch in one statement; an event older than
 * the stored title (by the producer's {@code updatedAt}) changes nothing, so replays and redeliveries are harmless.
 */
@ApplicationScoped
@WithSession
public class TitleRepository implements PanacheRepositoryBase<Title, String> {

    private static final String UPSERT_BATCH = """
            INSERT INTO titles (title_id, name, genres, updated_at)
            SELECT id, name, string_to_array(genres, E'\\x1f'), updated
              FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS t(id, name, genres, updated)
            ON CONFLICT (title_id) DO UPDATE SET name = excluded.name, genres = excluded.genres,
                                                 updated_at = excluded.updated_at
             WHERE titles.updated_at IS NULL OR excluded.updated_at IS NULL OR excluded.updated_at >= titles.updated_at
            """;

    private final Pool pool;

    public TitleRepository(Pool pool) {
        this.pool = pool;
    }

    /** Upserts the titles; the batch must hold each title id once. Returns how many rows changed. */
    public Uni<Integer> upsertAll(List<TitleUpserted> titles) {
        if (titles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = titles.size();
        // A text[] of arrays is not a bind type: each title's genres travel joined by the unit separator.
        String[] ids = new String[n], names = new String[n], genres = new String[n];
        OffsetDateTime[] updated = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TitleUpserted t = titles.get(i);
            ids[i] = t.titleId();
            names[i] = t.name();
            genres[i] = String.join("\u001f", t.genres());
            updated[i] = t.updatedAt() == null ? null : t.updatedAt().atOffset(ZoneOffset.UTC);
        }
        return pool.preparedQuery(UPSERT_BATCH).execute(Tuple.of(ids, names, genres, updated)).map(rows -> rows.rowCount());
    }
}
