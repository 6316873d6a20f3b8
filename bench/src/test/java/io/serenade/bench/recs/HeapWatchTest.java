package io.serenade.bench.recs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapWatchTest {

    @Test
    void countsWhatIsStillHeldWhenItStops() {
        long peak;
        byte[] held;
        try (HeapWatch watch = HeapWatch.start(1)) {
            held = new byte[64 << 20];
            peak = watch.peakBytes();
        }
        assertThat(held).hasSize(64 << 20);
        assertThat(peak).isGreaterThanOrEqualTo(64L << 20);
    }
}
