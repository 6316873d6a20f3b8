package io.serenade.artwork.api;

import java.util.List;

/** One chosen variant per requested title that has an enabled variant, in the order of the request. */
public record ChoiceResponse(List<TitleChoice> choices) {

    /**
     * @param impressionId fresh per choice; the client echoes it in IMPRESSION/CLICK/PLAY events to join rewards
     * @param propensity   the probability the policy had of choosing this variant, for off-policy evaluation
     */
    public record TitleChoice(String titleId, String artworkId, String imageUrl, String impressionId, double propensity,
                              String policy) {
    }
}
