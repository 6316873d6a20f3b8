package io.serenade.artwork.api;

import java.util.List;

/** One chosen variant per requested title that has an enabled variant, in the order of the request. */
public record ChoiceResponse(List<TitleChoice> choices) {

    /**
     * @param impressionId fresh per logged choice; the client echoes it in IMPRESSION/CLICK/PLAY events so rewards
     *                     join the choice. Null when nothing is logged (no artwork-personalization consent).
     * @param propensity   the probability with which the policy showed this variant, as logged
     * @param why          why this image, in words a viewer can read
     */
    public record TitleChoice(String titleId, String artworkId, String imageUrl, String impressionId, double propensity,
                              String policy, Why why) {
    }

    /** @param code personal | sticky | exploring | popular | personalization-off */
    public record Why(String code, String text) {
    }
}
