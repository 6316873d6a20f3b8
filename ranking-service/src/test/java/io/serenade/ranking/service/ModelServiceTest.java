package io.serenade.ranking.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap guard: a training takes only as many titles as fit, instead of running out of memory. */
class ModelServiceTest {

    @Test
    void theTitlesATrainingTakesFitInHalfTheHeap() {
        long mb = 1L << 20;
        int titles = ModelService.titlesTheHeapHolds(1024 * mb);
        assertThat(24L * titles * titles).isLessThanOrEqualTo(512 * mb);
        assertThat(24L * (titles + 1) * (titles + 1)).isGreaterThan(512 * mb);
        assertThat(ModelService.titlesTheHeapHolds(5120 * mb)).as("a 5 GB heap fits 10,000 titles").isGreaterThanOrEqualTo(10_000);
    }
}
