package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BanditSimTest {

    @Test
    void writesTheTableAndTheChart(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BanditSim.execute(new String[] {"--t", "2000", "--runs", "2", "--out", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String md = Files.readString(dir.resolve("regret.md"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(md);
        assertThat(md).contains("| s0 | 50.0% | 8.00% | 3.00% | 3.00% | 3.00% |", "| all viewers (μ) | 100% | 5.50% |",
                "| " + Lineup.THOMPSON + " | ", "Lai–Robbins lower bound, 20.97 · ln T", "Targets:");
        String svg = Files.readString(dir.resolve("regret.svg"));
        assertThat(SvgPlotTest.parse(svg).getElementsByTagName("polyline").getLength()).isEqualTo(3 + 1 + 4);
    }

    @Test
    void acceptsOneSegmentWithGivenRates(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BanditSim.execute(new String[] {"--rates", "0.5,0.4,0.4", "--t", "500", "--runs", "1", "--out", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| s0 | 100.0% | 50.00% | 40.00% | 40.00% |");
    }

    @Test
    void rejectsTooShortAHorizon() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(BanditSim.execute(new String[] {"--t", "5"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--t ≥ 10");
    }
}
