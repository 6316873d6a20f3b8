package io.serenade.bench.recs;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageClockTest {

    private long now;

    @Test
    void cutsSegmentsAtTheFirstCallOfEachStageAndTheLastOfInvert() {
        StageClock clock = new StageClock(() -> now);
        at(1, clock, "gram", 0.02);
        at(2, clock, "gram", 0.3);
        at(4, clock, "invert", 0.35);
        at(10, clock, "invert", 0.72);
        at(11, clock, "finish", 0.85);
        at(13, clock, "content", 0.86);
        at(16, clock, "evaluate", 0.93);
        at(20, clock, "done", 1.0);
        now = 21_000_000_000L;
        clock.stop();

        Map<String, Double> s = clock.seconds();
        assertThat(s).containsExactly(Map.entry("prepare", 1.0), Map.entry("gram", 3.0),
                Map.entry("cholesky+inverse", 6.0), Map.entry("weights", 3.0), Map.entry("content", 3.0),
                Map.entry("evaluate", 5.0), Map.entry("total", 21.0));
    }

    @Test
    void aStageNeverReportedIsNotANumber() {
        StageClock clock = new StageClock(() -> now);
        at(1, clock, "content", 0.86);
        at(2, clock, "evaluate", 0.93);
        now = 3_000_000_000L;
        clock.stop();

        Map<String, Double> s = clock.seconds();
        assertThat(s.get("gram")).isNaN();
        assertThat(s.get("evaluate")).isEqualTo(1.0);
        assertThat(s.get("total")).isEqualTo(3.0);
    }

    private void at(long seconds, StageClock clock, String stage, double fraction) {
        now = seconds * 1_000_000_000L;
        clock.progress(stage, fraction);
    }
}
