package io.serenade.artwork.service;

import io.serenade.artwork.api.VariantUpdate;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.mapping.ArtworkMapper;
import io.serenade.artwork.poster.PosterRenderer;
import io.serenade.artwork.repository.ArtworkVariantRepository;
import io.serenade.artwork.repository.TitleRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Administration of artwork variants and their generated posters. */
@ApplicationScoped
public class ArtworkService {

    private final ArtworkVariantRepository variants;
    private final TitleRepository titles;
    private final VariantSnapshot snapshot;
    private final ArtworkConfig config;
    private final PosterRenderer posters = new PosterRenderer();

    public ArtworkService(ArtworkVariantRepository variants, TitleRepository titles, VariantSnapshot snapshot,
                          ArtworkConfig config) {
        this.variants = variants;
        this.titles = titles;
        this.snapshot = snapshot;
        this.config = config;
    }

    /** Creates or replaces the variant and makes it choosable here at once; null when the artwork id belongs to another title. */
    public Uni<VariantView> put(String titleId, String artworkId, VariantUpdate update) {
        return variants.upsert(ArtworkMapper.toEntity(titleId, artworkId, update))
                .map(v -> v == null ? null : ArtworkMapper.toView(v, config.publicImageBaseUrl()))
                .invoke(view -> {
                    if (view != null) {
                        snapshot.apply(view);
                    }
                });
    }

    /** Every variant of the title, enabled or not, by artwork id. */
    public Uni<List<VariantView>> list(String titleId) {
        return variants.listForTitle(titleId)
                .map(list -> list.stream().map(v -> ArtworkMapper.toView(v, config.publicImageBaseUrl())).toList());
    }

    /** The variant's generated poster as SVG, or null for an unknown artwork id. */
    public Uni<String> poster(String artworkId) {
        return variants.findById(artworkId).flatMap(v -> v == null ? Uni.createFrom().nullItem()
                : titles.findById(v.titleId).map(t -> posters.render(v.artworkId, t == null ? v.titleId : t.name,
                        v.tags, v.dominantColour)));
    }
}
