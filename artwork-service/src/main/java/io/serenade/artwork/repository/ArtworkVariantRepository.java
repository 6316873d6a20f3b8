package io.serenade.artwork.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.serenade.artwork.model.ArtworkVariant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Artwork variants. Reads of a title's variants go through Panache; the upsert and the snapshot load are plain
 * SQL: the upsert must be one atomic statement (two admins creating the same variant must not race into a key
 * violation), and the snapshot load reads every enabled variant, which needs no managed entities.
 */
@ApplicationScoped
@WithSession
public class ArtworkVariantRepository implements PanacheRepositoryBase<ArtworkVariant, String> {

    private static final String COLUMNS = "artwork_id, title_id, image_url, tags, dominant_colour, enabled, created_at, updated_at";

    /** Replaces a variant in place, unless the artwork id already belongs to another title (then no row returns). */
    private static final String UPSERT = """
            INSERT INTO artwork_variants (artwork_id, title_id, image_url, tags, dominant_colour, enabled)
            VALUES ($1, $2, $3, $4::text[], $5, $6)
            ON CONFLICT (artwork_id) DO UPDATE
               SET image_url = excluded.image_url, tags = excluded.tags, dominant_colour = excluded.dominant_colour,
                   enabled = excluded.enabled, updated_at = now()
             WHERE artwork_variants.title_id = excluded.title_id
            RETURNING\s""" + COLUMNS;

    private static final String ENABLED = "SELECT " + COLUMNS + " FROM artwork_variants WHERE enabled";

    private final Pool pool;

    public ArtworkVariantRepository(Pool pool) {
        this.pool = pool;
    }

    /** Creates or replaces the variant; null when its artwork id is taken by another title. */
    public Uni<ArtworkVariant> upsert(ArtworkVariant v) {
        Tuple args = Tuple.of(v.artworkId, v.titleId, v.imageUrl, v.tags.toArray(String[]::new), v.dominantColour, v.enabled);
        return pool.preparedQuery(UPSERT).execute(args).map(rows -> rows.rowCount() == 0 ? null : toEntity(rows.iterator().next()));
    }

    public Uni<List<ArtworkVariant>> listForTitle(String titleId) {
        return list("titleId", Sort.by("artworkId"), titleId);
    }

    /** Every enabled variant of every title: the choice snapshot's source. */
    public Uni<List<ArtworkVariant>> listEnabled() {
        return pool.query(ENABLED).execute().map(ArtworkVariantRepository::toEntities);
    }

    private static List<ArtworkVariant> toEntities(RowSet<Row> rows) {
        List<ArtworkVariant> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(toEntity(r)));
        return out;
    }

    private static ArtworkVariant toEntity(Row r) {
        ArtworkVariant v = new ArtworkVariant();
        v.artworkId = r.getString("artwork_id");
        v.titleId = r.getString("title_id");
        v.imageUrl = r.getString("image_url");
        v.tags = List.copyOf(Arrays.asList(r.getArrayOfStrings("tags")));
        v.dominantColour = r.getString("dominant_colour");
        v.enabled = r.getBoolean("enabled");
        v.createdAt = r.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant();
        v.updatedAt = r.getOffsetDateTime("updated_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant();
        return v;
    }
}
