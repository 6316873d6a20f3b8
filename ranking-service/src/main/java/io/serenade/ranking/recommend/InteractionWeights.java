package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;

/**
 * How much one interaction says about a user's taste and about a title's popularity. A completed title
 * says more than a started one; a low rating pulls a genre down; an impression alone says nothing.
 */
public final class InteractionWeights {

    private InteractionWeights() {
    }

    /** Added to the weight of each genre of the title. */
    public static double taste(InteractionType type, Double value) {
        return switch (type) {
            case PLAY -> 1.0;
            case COMPLETE -> 2.0;
            case CLICK -> 0.3;
            // Ratings are 0.5..5: 3 is neutral, 5 is +2, 1 is -2.
            case RATING -> value == null ? 0 : value - 3.0;
            case IMPRESSION, SEARCH -> 0;
        };
    }

    /** Added to the title's popularity. */
    public static double popularity(InteractionType type, Double value) {
        return switch (type) {
            case PLAY, COMPLETE -> 1.0;
            case CLICK -> 0.2;
            case RATING -> value != null && value >= 4 ? 0.5 : 0;
            case IMPRESSION, SEARCH -> 0;
        };
    }
}
