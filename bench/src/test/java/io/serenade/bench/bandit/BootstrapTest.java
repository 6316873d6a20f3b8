package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    private static double mean(double[] values, int[] sample) {
        return Arrays.stream(sample).mapToDouble(i -> values[i]).average().orElseThrow();
    }

    @Test
    void theIntervalOfAMeanIsCloseToTheNormalOne() {
        double[] coin = new double[400];
        for (int i = 0; i < coin.length; i += 2) {
            coin[i] = 1;
        }
        Interval interval = new Bootstrap(1000, 3).interval(coin.length, s -> mean(coin, s));
        assertThat(interval.estimate()).isEqualTo(0.5);
        // 1.96 · √(0.25 / 400) ≈ 0.049 either side
        assertThat(interval.low()).isCloseTo(0.451, within(0.012));
        assertThat(interval.high()).isCloseTo(0.549, within(0.012));
    }

    @Test
    void aSeedGivesTheSameResamplesEveryTime() {
        double[] values = {0, 1, 0, 0, 1, 1, 0, 1, 1, 1};
        Interval a = new Bootstrap(100, 5).interval(values.length, s -> mean(values, s));
        Interval b = new Bootstrap(100, 5).interval(values.length, s -> mean(values, s));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void undefinedResamplesAreLeftOut() {
        // NaN for every resample that does not contain round 0
        Interval interval = new Bootstrap(200, 1).interval(3, s -> Arrays.stream(s).anyMatch(i -> i == 0) ? 1 : Double.NaN);
        assertThat(interval.low()).isEqualTo(1);
        assertThat(interval.high()).isEqualTo(1);
        Interval never = new Bootstrap(10, 1).interval(3, s -> Double.NaN);
        assertThat(never.low()).isNaN();
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(4);
        assertThatThrownBy(() -> new Bootstrap(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
