package io.serenade.artwork.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BetaStatsTest {

    @Test
    void anUntestedVariantIsExpectedToDoAsWellAsArtworkDoesOnAverageNotFiftyPercent() {
        assertThat(BetaStats.NONE.mean()).isEqualTo(0.5);
        BetaStats prior = BetaStats.centredPrior(10_000, 499, 20);
        assertThat(prior.mean()).isCloseTo(500.0 / 10_002, within(1e-12));
        assertThat(prior.alpha() + prior.beta()).isCloseTo(20, within(1e-12));

        BetaStats proven = new BetaStats(2000, 160).withPrior(prior); // 8 % over 2,000 impressions
        BetaStats untested = BetaStats.NONE.withPrior(prior);
        assertThat(proven.mean()).isGreaterThan(untested.mean());
        assertThat(proven.mean()).isCloseTo((160 + prior.alpha()) / 2020, within(1e-12));
    }

    @Test
    void addingKeepsThePrior() {
        BetaStats prior = BetaStats.centredPrior(0, 0, 10);
        assertThat(prior.mean()).isEqualTo(0.5);
        BetaStats after = prior.plus(4, 1);
        assertThat(after.alpha()).isCloseTo(6, within(1e-12));
        assertThat(after.beta()).isCloseTo(8, within(1e-12));
    }
}
