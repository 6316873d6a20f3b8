package io.serenade.bench.bandit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The doubly robust estimator's reward model: each item's reward rate in the training rounds, shrunk toward the
 * overall rate. With a few clicks per hundred impressions a raw per-item rate is mostly noise, and DR's variance
 * grows with the model's error.
 */
record ItemRates(Map<String, Double> rates, double overall) {

    /** The overall rate weighs as much as this many impressions of the item itself (about one click at 0.5%). */
    static final double PRIOR_IMPRESSIONS = 200;

    static ItemRates fit(List<LoggedRound> train) {
        Map<String, double[]> sums = new HashMap<>();
        double total = 0;
        for (LoggedRound r : train) {
            double[] s = sums.computeIfAbsent(r.item(), i -> new double[2]);
            s[0]++;
            s[1] += r.reward();
            total += r.reward();
        }
        double overall = train.isEmpty() ? 0 : total / train.size();
        Map<String, Double> rates = new HashMap<>();
        sums.forEach((item, s) -> rates.put(item, (s[1] + PRIOR_IMPRESSIONS * overall) / (s[0] + PRIOR_IMPRESSIONS)));
        return new ItemRates(rates, overall);
    }

    /** An item never shown in training gets the overall rate. */
    double predict(String item) {
        return rates.getOrDefault(item, overall);
    }
}
