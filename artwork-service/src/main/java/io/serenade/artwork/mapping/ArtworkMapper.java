package io.serenade.artwork.mapping;

import io.serenade.artwork.api.VariantUpdate;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.model.ArtworkVariant;
import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.FeatureSpace;

import java.util.List;

/** Entity ↔ DTO conversions of artwork-service. */
public final class ArtworkMapper {

    private ArtworkMapper() {
    }

    public static ArtworkVariant toEntity(String titleId, String artworkId, VariantUpdate update) {
        ArtworkVariant v = new ArtworkVariant();
        v.artworkId = artworkId;
        v.titleId = titleId;
        v.imageUrl = update.imageUrl();
        v.tags = update.tagsOrEmpty();
        v.dominantColour = update.dominantColour();
        v.enabled = update.enabledOrDefault();
        return v;
    }

    public static VariantView toView(ArtworkVariant v, String publicImageBaseUrl) {
        return new VariantView(v.artworkId, v.titleId, imageUrl(v, publicImageBaseUrl), List.copyOf(v.tags),
                v.dominantColour, v.enabled, v.updatedAt);
    }

    public static Arm toArm(VariantView v, FeatureSpace features) {
        return new Arm(v.artworkId(), v.tags(), features.armFeatures(v.tags()));
    }

    /** The variant's own image, or its generated poster behind the gateway's public image route. */
    public static String imageUrl(ArtworkVariant v, String publicImageBaseUrl) {
        if (v.imageUrl != null) {
            return v.imageUrl;
        }
        String base = publicImageBaseUrl.endsWith("/")
                ? publicImageBaseUrl.substring(0, publicImageBaseUrl.length() - 1) : publicImageBaseUrl;
        return base + "/" + v.artworkId + ".svg";
    }
}
