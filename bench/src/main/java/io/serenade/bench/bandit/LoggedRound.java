package io.serenade.bench.bandit;

import java.time.Instant;
import java.util.List;

/**
 * One logged impression: when, the viewer's categorical features, the candidates the logging policy chose among,
 * the item it showed, with what probability, and the reward (a click, or a play in Serenade's log).
 */
public record LoggedRound(Instant time, List<String> userFeatures, List<String> candidates, String item,
                          double propensity, double reward) {

    public LoggedRound {
        userFeatures = List.copyOf(userFeatures);
        candidates = List.copyOf(candidates);
        if (!candidates.contains(item)) {
            throw new IllegalArgumentException("item " + item + " is not among the candidates");
        }
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must lie in (0, 1], got " + propensity);
        }
    }
}
