package io.serenade.artwork.policy;

/**
 * What one variant has earned: impressions and the reward they brought (a play is 1, a click 0 by
 * default), with the prior they are read against. The posterior of the play rate is
 * Beta(priorAlpha + reward, priorBeta + trials − reward).
 * <p>
 * The uniform prior Beta(1, 1) makes a variant never shown look like a 50 % play rate, far above the few percent
 * real artwork earns, so every greedy reading would favour untested art. The service therefore reads stats
 * against an empirical prior centred on the observed play rate ({@link #centredPrior}).
 */
public record BetaStats(double trials, double reward, double priorAlpha, double priorBeta) {

    public static final BetaStats NONE = new BetaStats(0, 0);

    public BetaStats {
        if (trials < 0 || reward < 0 || reward > trials) {
            throw new IllegalArgumentException("need 0 ≤ reward ≤ trials, got " + reward + " of " + trials);
        }
        if (!(priorAlpha > 0) || !(priorBeta > 0)) {
            throw new IllegalArgumentException("the prior's parameters must be positive");
        }
    }

    /** Under the uniform prior Beta(1, 1). */
    public BetaStats(double trials, double reward) {
        this(trials, reward, 1, 1);
    }

    /**
     * The prior worth {@code strength} impressions at the pooled rate (pooledReward + 1) / (pooledTrials + 2):
     * an untested variant is expected to do as well as artwork does on average, and its own data outweighs the
     * prior after about {@code strength} impressions.
     */
    public static BetaStats centredPrior(double pooledTrials, double pooledReward, double strength) {
        double rate = (pooledReward + 1) / (pooledTrials + 2);
        return new BetaStats(0, 0, rate * strength, (1 - rate) * strength);
    }

    public double alpha() {
        return priorAlpha + reward;
    }

    public double beta() {
        return priorBeta + trials - reward;
    }

    /** The posterior mean: the expected reward of showing this variant. */
    public double mean() {
        return alpha() / (alpha() + beta());
    }

    /** The posterior standard deviation: how unsure the mean still is. */
    public double standardDeviation() {
        double a = alpha();
        double b = beta();
        return Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
    }

    public BetaStats plus(double trials, double reward) {
        return new BetaStats(this.trials + trials, this.reward + reward, priorAlpha, priorBeta);
    }

    /** The same counts read against another prior. */
    public BetaStats withPrior(BetaStats prior) {
        return new BetaStats(trials, reward, prior.priorAlpha, prior.priorBeta);
    }
}
