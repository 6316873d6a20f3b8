package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Distribution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainedPoliciesTest {

    private static final List<String> AB = List.of("a", "b");

    private static LoggedRound round(int second, String viewer, String item, double reward) {
        return new LoggedRound(Instant.ofEpochSecond(second), List.of(viewer, "", "", ""), AB, item, 0.5, reward);
    }

    /**
     * A uniform log where viewers "x" (three in four) play a half the time and never b, and viewers "y" the
     * reverse: a is the better item overall, b the better one for y.
     */
    private static List<LoggedRound> log() {
        List<LoggedRound> rounds = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            String viewer = i % 4 == 3 ? "y" : "x";
            String item = (i / 4) % 2 == 0 ? "a" : "b";
            boolean liked = viewer.equals("x") == item.equals("a");
            rounds.add(round(i, viewer, item, liked && (i / 8) % 2 == 0 ? 1 : 0));
        }
        return rounds;
    }

    private static Map<String, TrainedPolicies.Frozen> trained() {
        List<LoggedRound> rounds = log();
        BanditLog log = new BanditLog("test", rounds, Map.of());
        Map<String, TrainedPolicies.Frozen> byName = new HashMap<>();
        TrainedPolicies.train(log, rounds, 1).forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    @Test
    void nonContextualPoliciesFavourTheBetterItemOverall() {
        Map<String, TrainedPolicies.Frozen> p = trained();
        LoggedRound x = round(1_000, "x", "a", 0);
        assertThat(p.get(Lineup.UNIFORM).distribution(x).probabilities()).containsExactly(0.5, 0.5);
        assertThat(p.get(Lineup.EPSILON_GREEDY).distribution(x).probabilities())
                .containsExactly(new double[] {0.95, 0.05}, within(1e-12));
        assertThat(p.get(Lineup.THOMPSON).distribution(x).probability(0)).isGreaterThan(0.99);
        // blind to the viewer: the same distribution for y
        assertThat(p.get(Lineup.THOMPSON).distribution(round(1_001, "y", "a", 0)))
                .isSameAs(p.get(Lineup.THOMPSON).distribution(x));
    }

    @Test
    void linUcbShowsEachViewerTheItemTheyPlay() {
        Map<String, TrainedPolicies.Frozen> p = trained();
        Distribution x = p.get(Lineup.LINUCB).distribution(round(1_000, "x", "a", 0));
        Distribution y = p.get(Lineup.LINUCB).distribution(round(1_001, "y", "a", 0));
        assertThat(x.probabilities()).containsExactly(new double[] {0.975, 0.025}, within(1e-12));
        assertThat(y.probabilities()).containsExactly(new double[] {0.025, 0.975}, within(1e-12));
        // a viewer value never seen in training is only the bias term: the better item overall
        Distribution z = p.get(Lineup.LINUCB).distribution(round(1_002, "z", "a", 0));
        assertThat(z.probability(0)).isEqualTo(0.975, within(1e-12));
    }

    @Test
    void distributionsFollowTheRoundsCandidatesInTheirOrder() {
        Map<String, TrainedPolicies.Frozen> p = trained();
        LoggedRound reversed = new LoggedRound(Instant.ofEpochSecond(2_000), List.of("x", "", "", ""), List.of("b", "a"),
                "a", 0.5, 0);
        assertThat(p.get(Lineup.EPSILON_GREEDY).distribution(reversed).probabilities())
                .containsExactly(new double[] {0.05, 0.95}, within(1e-12));
        assertThat(p.get(Lineup.LINUCB).distribution(reversed).probability(1)).isCloseTo(0.975, within(1e-12));
    }

    @Test
    void theRewardModelShrinksEachItemsRateTowardTheOverallOne() {
        List<LoggedRound> rounds = List.of(round(0, "x", "a", 1), round(1, "x", "a", 1), round(2, "x", "a", 0),
                round(3, "x", "a", 0), round(4, "x", "b", 0), round(5, "x", "b", 0), round(6, "x", "b", 0),
                round(7, "x", "b", 0));
        ItemRates rates = ItemRates.fit(rounds);
        assertThat(rates.overall()).isEqualTo(0.25);
        assertThat(rates.predict("a")).isCloseTo((2 + 200 * 0.25) / (4 + 200), within(1e-15));
        assertThat(rates.predict("b")).isCloseTo((200 * 0.25) / (4 + 200), within(1e-15));
        assertThat(rates.predict("never-shown")).isEqualTo(0.25);
    }
}
