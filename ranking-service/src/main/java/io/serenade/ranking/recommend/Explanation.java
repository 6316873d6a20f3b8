package io.serenade.ranking.recommend;

import java.util.List;

/**
 * Exactly why a title scored what it did for this user. The models are linear in the user's history, so the
 * personal score is the sum of one contribution per history event: {@code because} lists the largest ones
 * with their share of the personal score, {@code otherShare} is what all other events add, and the shares
 * plus otherShare sum to 1. {@code popularityScore} is the non-personal part added on top.
 */
public record Explanation(double personalScore, double popularityScore, List<Because> because, double otherShare) {

    public Explanation {
        because = List.copyOf(because);
    }

    /** One history event's part in the score. */
    public record Because(HistoryEvent event, String titleName, double contribution, double share) {
    }
}
