package io.serenade.events;

/** What a user did with a title. RATING carries the rating in {@code value}; PLAY the minutes watched. */
public enum InteractionType {
    IMPRESSION, CLICK, PLAY, COMPLETE, RATING, SEARCH
}
