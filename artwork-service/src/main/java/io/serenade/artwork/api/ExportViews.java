package io.serenade.artwork.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parts of artwork-service's export, as the user receives them. */
public final class ExportViews {

    private ExportViews() {
    }

    /**
     * Category artwork-context: every image chosen for the user and logged (with the probability it was chosen with,
     * the viewing situation and the reward it earned), the image each title keeps showing them, and their taste.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArtworkContext(List<Impression> impressions, List<StickyChoice> stickyChoices, Taste taste, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Impression(UUID impressionId, String titleId, String artworkId, String policy, double propensity,
                             boolean sticky, List<String> candidates, JsonNode context, Instant shownAt, Double reward,
                             Instant rewardedAt) {
    }

    public record StickyChoice(String titleId, String artworkId, Instant shownAt, double propensity, Instant reviewedAt) {
    }

    /** Inferred: what the user's plays after artwork say about their taste, with how it was inferred. */
    public record Taste(double plays, Map<String, Double> tagPlays, Map<String, Double> genrePlays, String explanation) {
    }
}
