package io.serenade.ranking.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap guard: a training takes only as many titles as fit next to its data, instead of running out of memory. */
class ModelServiceTest {

    private static final long MB = 1L << 20;

    @Test
    void theTitlesATrainingTakesFitInHalfTheHeap() {
        int titles = ModelService.titlesTheHeapHolds(1024 * MB, 0);
        assertThat(24L * titles * titles).isLessThanOrEqualTo(512 * MB);
        assertThat(24L * (titles + 1) * (titles + 1)).isGreaterThan(512 * MB);
        assertThat(ModelService.titlesTheHeapHolds(5120 * MB, 0)).as("a 5 GB heap fits 10,000 titles").isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void theInteractionsReadLeaveLessRoomAndTooManyLeaveNone() {
        int empty = ModelService.titlesTheHeapHolds(1024 * MB, 0);
        int demo = ModelService.titlesTheHeapHolds(1024 * MB, 20_000);
        assertThat(demo).isLessThan(empty).isGreaterThan(4_000);
        assertThat(ModelService.titlesTheHeapHolds(910 * MB, 4_000_000))
                .as("4 million interactions in a 1 GB heap: the run that died with OutOfMemoryError").isZero();
        assertThat(ModelService.titlesTheHeapHolds(6144 * MB, 4_000_000)).as("6 GB: all 10,000 titles next to 4 million").isGreaterThanOrEqualTo(10_000);
    }
}
