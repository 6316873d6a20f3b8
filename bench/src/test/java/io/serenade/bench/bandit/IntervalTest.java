package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntervalTest {

    @Test
    void wilsonMatchesPublishedValues() {
        // 0 of 10: [0, 0.2775]; 5 of 10: [0.2366, 0.7634] (Wilson score interval, z = 1.96)
        Interval none = Interval.wilson(0, 10);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
        Interval half = Interval.wilson(5, 10);
        assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
        assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
        assertThat(half.estimate()).isEqualTo(0.5);
    }

    @Test
    void printsPercentages() {
        assertThat(new Interval(0.0046, 0.0029, 0.0066).percent()).isEqualTo("0.46% [0.29, 0.66]");
        assertThat(new Interval(Double.NaN, Double.NaN, Double.NaN).percent()).isEqualTo("n/a");
    }
}
