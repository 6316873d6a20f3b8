package io.serenade.artwork.policy;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinearModelTest {

    @Test
    void learningOneByOneAgreesWithAModelRebuiltFromTheStoredSums() {
        LinearModel online = new LinearModel(6, 1.0);
        double[] gram = new double[36];
        double[] sums = new double[6];
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            double[] x = new double[6];
            x[0] = 1;
            x[1 + random.nextInt(5)] = random.nextDouble();
            double reward = random.nextDouble() < 0.3 ? 1 : 0;
            online.add(SparseVector.ofDense(x), reward);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    gram[i * 6 + j] += x[i] * x[j];
                }
                sums[i] += reward * x[i];
            }
        }
        LinearModel rebuilt = LinearModel.fromSums(6, 1.0, gram, sums, online.observations());

        SparseVector probe = SparseVector.ofDense(new double[]{1, 0, 0.5, 0, 0, 0.2});
        assertThat(rebuilt.mean(probe)).isCloseTo(online.mean(probe), within(1e-9));
        assertThat(rebuilt.width(probe)).isCloseTo(online.width(probe), within(1e-9));
        assertThat(rebuilt.observations()).isEqualTo(300);
    }

    @Test
    void ridgeRegressionRecoversAPlantedCoefficientAndNarrowsWithData() {
        LinearModel model = new LinearModel(2, 1.0);
        SparseVector a = SparseVector.ofDense(new double[]{1, 0});
        SparseVector b = SparseVector.ofDense(new double[]{0, 1});
        double before = model.width(a);
        for (int n = 0; n < 1000; n++) {
            model.add(a, 0.3);
            model.add(b, -0.1);
        }
        assertThat(model.mean(a)).isCloseTo(0.3 * 1000 / 1001, within(1e-9));
        assertThat(model.mean(b)).isCloseTo(-0.1 * 1000 / 1001, within(1e-9));
        assertThat(model.width(a)).isCloseTo(Math.sqrt(1.0 / 1001), within(1e-9)).isLessThan(before);
    }
}
