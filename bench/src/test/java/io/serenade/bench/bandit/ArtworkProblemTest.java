package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArtworkProblemTest {

    @Test
    void theStandardProblemGivesEachSegmentItsOwnVariant() {
        ArtworkProblem p = ArtworkProblem.standard(4, 3);
        assertThat(p.shares()).containsExactly(new double[] {1 / 2.0, 1 / 3.0, 1 / 6.0}, within(1e-12));
        assertThat(p.rates()[0]).containsExactly(0.08, 0.03, 0.03, 0.03);
        assertThat(p.rates()[1]).containsExactly(0.03, 0.08, 0.03, 0.03);
        assertThat(p.rates()[2]).containsExactly(0.03, 0.03, 0.08, 0.03);
        assertThat(p.mixed()).containsExactly(new double[] {0.055, 0.03 + 0.05 / 3, 0.03 + 0.05 / 6, 0.03}, within(1e-12));
        assertThat(p.bestVariant()).isZero();
        assertThat(p.oracle()).isCloseTo(0.08, within(1e-12));
    }

    @Test
    void segmentsAreDrawnByTheirShares() {
        ArtworkProblem p = ArtworkProblem.standard(4, 3);
        assertThat(p.segment(0.0)).isZero();
        assertThat(p.segment(0.4999)).isZero();
        assertThat(p.segment(0.5001)).isEqualTo(1);
        assertThat(p.segment(0.8334)).isEqualTo(2);
        assertThat(p.segment(0.99999)).isEqualTo(2);
    }

    @Test
    void bernoulliKlMatchesTheFormula() {
        // KL(0.5 ‖ 0.4) = 0.5 ln(0.5/0.4) + 0.5 ln(0.5/0.6)
        assertThat(ArtworkProblem.bernoulliKl(0.5, 0.4)).isCloseTo(0.5 * Math.log(1.25) + 0.5 * Math.log(5 / 6.0), within(1e-15));
        assertThat(ArtworkProblem.bernoulliKl(0.3, 0.3)).isZero();
        assertThat(ArtworkProblem.bernoulliKl(0, 0.5)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void laiRobbinsConstantSumsGapOverKlOfTheSuboptimalArms() {
        ArtworkProblem p = ArtworkProblem.single(new double[] {0.5, 0.4, 0.4, 0.5});
        // two optimal arms contribute nothing; each 0.4 arm 0.1 / KL(0.4 ‖ 0.5) ≈ 4.966
        double one = 0.1 / (0.4 * Math.log(0.8) + 0.6 * Math.log(1.2));
        assertThat(p.laiRobbinsConstant()).isCloseTo(2 * one, within(1e-12));
        assertThat(one).isCloseTo(4.966, within(1e-3));
    }

    @Test
    void rejectsRatesOutsideTheUnitIntervalAndSharesNotSummingToOne() {
        assertThatThrownBy(() -> ArtworkProblem.single(new double[] {0.5, 1.2})).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ArtworkProblem.single(new double[] {0.5})).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new ArtworkProblem(new double[] {0.5, 0.4}, new double[][] {{0.1, 0.2}, {0.1, 0.2}}))
                .hasMessageContaining("sum");
    }
}
