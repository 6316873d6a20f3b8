package io.serenade.artwork.policy;

/**
 * What one variant has earned: settled impressions and the reward they brought (a play is 1, a click 0 by
 * default). The posterior of its play rate is Beta(1 + reward, 1 + trials − reward), a uniform prior.
 */
public record BetaStats(double trials, double reward) {

    public static final BetaStats NONE = new BetaStats(0, 0);

    public BetaStats {
        if (trials < 0 || reward < 0 || reward > trials) {
            throw new IllegalArgumentException("need 0 ≤ reward ≤ trials, got " + reward + " of " + trials);
        }
    }

    public double alpha() {
        return 1 + reward;
    }

    public double beta() {
        return 1 + trials - reward;
    }

    /** The posterior mean: the expected reward of showing this variant. */
    public double mean() {
        return alpha() / (alpha() + beta());
    }

    public BetaStats plus(double trials, double reward) {
        return new BetaStats(this.trials + trials, this.reward + reward);
    }
}
