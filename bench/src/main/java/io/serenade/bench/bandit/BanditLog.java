package io.serenade.bench.bandit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Logged bandit feedback in time order, with what is known of the items: a numeric feature and categorical
 * ones (the Open Bandit Dataset's item context); an item without an entry is described by its id alone.
 */
public record BanditLog(String source, List<LoggedRound> rounds, Map<String, ItemFeatures> items) {

    public record ItemFeatures(double numeric, List<String> categories) {

        public ItemFeatures {
            categories = List.copyOf(categories);
        }
    }

    public BanditLog {
        List<LoggedRound> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparing(LoggedRound::time)); // stable: equal times keep the file's order
        rounds = List.copyOf(sorted);
        items = Map.copyOf(items);
    }

    /** The first {@code fraction} of the rounds by time (training) and the rest (evaluation). */
    public Split split(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the training fraction must lie strictly between 0 and 1");
        }
        int cut = (int) Math.round(fraction * rounds.size());
        if (cut == 0 || cut == rounds.size()) {
            throw new IllegalArgumentException(source + ": " + rounds.size() + " rounds are too few to split at " + fraction);
        }
        return new Split(rounds.subList(0, cut), rounds.subList(cut, rounds.size()));
    }

    public record Split(List<LoggedRound> train, List<LoggedRound> test) {

        /** When the evaluation period starts. */
        public Instant testStart() {
            return test.get(0).time();
        }
    }

    /** The rounds logged at or after {@code from}. */
    public List<LoggedRound> since(Instant from) {
        return rounds.stream().filter(r -> !r.time().isBefore(from)).toList();
    }
}
