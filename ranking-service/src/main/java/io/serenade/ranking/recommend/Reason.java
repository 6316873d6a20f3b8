package io.serenade.ranking.recommend;

/**
 * Why a title is on the page, in words a user can read. {@code code} is stable for clients;
 * {@code personal} tells whether the user's own data produced it.
 */
public record Reason(String code, String text, boolean personal) {

    public static Reason topPick(String becauseTitle) {
        return new Reason("top-pick", becauseTitle == null ? "Picked for you from what you watch"
                : "Because you watched " + becauseTitle, true);
    }

    public static Reason becauseYouWatched(String title) {
        return new Reason("because-you-watched", "Because you watched " + title, true);
    }

    public static Reason theme(String theme) {
        return new Reason("theme-affinity", "Because you like " + HomeRanker.label(theme) + " stories", true);
    }

    public static Reason newForYou() {
        return new Reason("new-for-you", "New on Serenade, and close to what you watch", true);
    }

    public static Reason somethingDifferent(String usualGenres) {
        return new Reason("something-different",
                "Something different: popular on Serenade, outside your usual " + usualGenres, true);
    }

    public static Reason statedGenre(String genre) {
        return new Reason("stated-interest", "Because you said you like " + HomeRanker.label(genre), true);
    }

    public static Reason popularInGenre(String genre) {
        return new Reason("popular-in-genre", "Popular in " + HomeRanker.label(genre) + " on Serenade", false);
    }

    public static Reason trending() {
        return new Reason("trending", "Trending now on Serenade", false);
    }

    public static Reason fresh() {
        return new Reason("new", "New on Serenade", false);
    }
}
