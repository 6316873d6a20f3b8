package io.serenade.ranking.recommend;

/**
 * Why a title is on the page, in words a user can read. {@code code} is stable for clients;
 * {@code personal} tells whether the user's own data produced it.
 */
public record Reason(String code, String text, boolean personal) {

    public static Reason learnedGenre(String genre) {
        return new Reason("genre-affinity", "Because you often watch " + HomeRanker.label(genre), true);
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

    public static Reason popular() {
        return new Reason("popular", "Popular on Serenade", false);
    }

    public static Reason fresh() {
        return new Reason("new", "New on Serenade", false);
    }
}
