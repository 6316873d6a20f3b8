package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Distribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Off-policy estimators of a target policy's expected reward per round, from rounds logged by another policy:
 * replay (Li et al. 2011), inverse propensity scoring, self-normalised IPS, and doubly robust (Dudík et al. 2011).
 * Each takes the indices of the rounds to use, so that the bootstrap can resample them.
 */
public final class Estimators {

    /**
     * One held-out round as the estimators see it: the logged item's index among the candidates, its reward and
     * logging propensity, the target policy's distribution over the candidates, and the reward model's part:
     * its prediction for the logged item and Σₐ π(a) q̂(a), the reward it expects of the target policy here.
     */
    public record Scored(int logged, double reward, double propensity, Distribution target, double predictedLogged,
                         double direct) {

        public static Scored of(int logged, double reward, double propensity, Distribution target, double[] predicted) {
            double direct = 0;
            for (int a = 0; a < predicted.length; a++) {
                direct += target.probability(a) * predicted[a];
            }
            return new Scored(logged, reward, propensity, target, predicted[logged], direct);
        }

        /** π(logged) / μ(logged): how much more (or less) often the target would have shown the logged item. */
        double weight() {
            return target.probability(logged) / propensity;
        }
    }

    private Estimators() {
    }

    /** (1/n) Σ wᵢ rᵢ: unbiased when the propensities are true and positive wherever the target goes. */
    public static double ips(Scored[] rounds, int[] sample) {
        double s = 0;
        for (int i : sample) {
            s += rounds[i].weight() * rounds[i].reward();
        }
        return s / sample.length;
    }

    /** Σ wᵢ rᵢ / Σ wᵢ: slightly biased, but bounded by the rewards and of lower variance than IPS. */
    public static double snips(Scored[] rounds, int[] sample) {
        double num = 0;
        double den = 0;
        for (int i : sample) {
            double w = rounds[i].weight();
            num += w * rounds[i].reward();
            den += w;
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /**
     * (1/n) Σ [Σₐ π(a) q̂(a) + wᵢ (rᵢ − q̂(aᵢ))]: the reward model's estimate, corrected by IPS on its residuals;
     * unbiased if either the propensities or the model are right, and the better the model the lower the variance.
     */
    public static double dr(Scored[] rounds, int[] sample) {
        double s = 0;
        for (int i : sample) {
            Scored r = rounds[i];
            s += r.direct() + r.weight() * (r.reward() - r.predictedLogged());
        }
        return s / sample.length;
    }

    /**
     * Replay: draw the target's choice for each round and keep the rounds where it equals the logged item; their
     * mean reward. Unbiased only under a uniform logging policy; NaN when no round is kept.
     */
    public static double replay(Scored[] rounds, int[] sample, UniformRandomProvider random) {
        double s = 0;
        int kept = 0;
        for (int i : sample) {
            if (rounds[i].target().sample(random.nextDouble()) == rounds[i].logged()) {
                s += rounds[i].reward();
                kept++;
            }
        }
        return kept > 0 ? s / kept : Double.NaN;
    }
}
