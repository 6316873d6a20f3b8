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

class OpeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Ope.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void evaluatesAnObdCampaignAgainstTheProductionPolicysLoggedRate(@TempDir Path dir) throws IOException {
        int code = run("--data", BanditLogReaderTest.fixture("obd").toString(), "--campaign", "men",
                "--bootstrap", "50", "--out", dir.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String md = Files.readString(dir.resolve("ope.md"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(md);
        assertThat(md).contains("## OBD random/men: 12 rounds, 3 items",
                "Training: 6 rounds", "Held out: 6 rounds",
                "| " + Lineup.UNIFORM + " | ", "| " + Lineup.LINUCB + " | ",
                // the held-out random rows: 2 clicks in 6; bts from 00:07 on: 1 in 3
                "| random (uniform), held-out period | 6 | 2 | 33.33% [",
                "| bts (production Thompson sampling), same period | 3 | 1 | 33.33% [",
                "| bts, whole log | 6 | 2 | 33.33% [");
        assertThat(md).doesNotContain("logged uniformly");
        // uniform IPS on a uniform log is the held-out mean reward
        assertThat(md).containsPattern("\\| uniform \\| [^|]+ \\| 33\\.33% ");
    }

    @Test
    void evaluatesSerenadesLogAndWarnsThatReplayNeedsUniformLogging(@TempDir Path dir) throws IOException {
        int code = run("--format", "serenade", "--log", BanditLogReaderTest.fixture("serenade/propensity-log.csv").toString(),
                "--bootstrap", "20", "--out", dir.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String md = Files.readString(dir.resolve("ope.md"));
        assertThat(md).contains("## Serenade propensity-log.csv: 10 rounds, 5 items",
                "Only 1 of the 5 held-out rounds were logged uniformly",
                "| the log's own policy, held-out period | 5 | 2 | 40.00% [");
    }

    @Test
    void reportsBadArguments() {
        assertThat(run("--format", "csv")).isEqualTo(2);
        assertThat(run("--format", "serenade")).isEqualTo(2);
        assertThat(run("--campaign", "kids", "--data", BanditLogReaderTest.fixture("obd").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format csv", "--log FILE", "unknown campaign kids");
    }
}
