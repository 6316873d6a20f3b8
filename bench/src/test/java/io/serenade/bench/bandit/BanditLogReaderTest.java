package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BanditLogReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(BanditLogReaderTest.class.getResource("/bandit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAnObdCampaignInTimeOrderWithEveryItemACandidate() throws IOException {
        BanditLog log = BanditLogReader.obd(fixture("obd"), "random", "men");
        assertThat(log.source()).isEqualTo("OBD random/men");
        assertThat(log.rounds()).hasSize(12);
        assertThat(log.rounds()).isSortedAccordingTo(Comparator.comparing(LoggedRound::time));
        LoggedRound first = log.rounds().get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2019-11-24T00:01:00Z"));
        assertThat(first.item()).isEqualTo("0");
        assertThat(first.reward()).isEqualTo(1);
        assertThat(first.propensity()).isEqualTo(1 / 3.0);
        assertThat(first.userFeatures()).containsExactly("ua", "ub", "uc", "ud");
        assertThat(first.candidates()).containsExactly("0", "1", "2");
        // the row logged at 00:05 comes after the one logged at 00:04, though it is earlier in the file
        assertThat(log.rounds().get(3).time()).isEqualTo(Instant.parse("2019-11-24T00:04:00Z"));
        assertThat(log.items().get("2").numeric()).isEqualTo(1.5);
        assertThat(log.items().get("2").categories()).containsExactly("c1b", "c2b", "c3a");
    }

    @Test
    void splitsByTime() throws IOException {
        BanditLog.Split split = BanditLogReader.obd(fixture("obd"), "random", "men").split(0.5);
        assertThat(split.train()).hasSize(6);
        assertThat(split.test()).hasSize(6);
        assertThat(split.testStart()).isEqualTo(Instant.parse("2019-11-24T00:07:00Z"));
        assertThat(split.train()).allMatch(r -> r.time().isBefore(split.testStart()));
    }

    @Test
    void readsSerenadesLogWithEachRoundsOwnCandidates() throws IOException {
        BanditLog log = BanditLogReader.serenade(fixture("serenade/propensity-log.csv"));
        assertThat(log.rounds()).hasSize(10);
        LoggedRound second = log.rounds().get(1);
        assertThat(second.candidates()).containsExactly("art-b1", "art-b2", "art-b3");
        assertThat(second.item()).isEqualTo("art-b2");
        assertThat(second.userFeatures()).containsExactly("mobile", "evening", "en", "");
        assertThat(second.time()).isEqualTo(Instant.parse("2025-03-01T20:01:00Z"));
        assertThat(log.items()).isEmpty();
    }

    @Test
    void rejectsAnotherHeaderAnItemOutsideItsCandidatesAndQuotes(@TempDir Path dir) throws IOException {
        Path wrongHeader = dir.resolve("a.csv");
        Files.writeString(wrongHeader, ",timestamp,item_id\n0,2025-03-01T20:00:00Z,x\n");
        assertThatThrownBy(() -> BanditLogReader.serenade(wrongHeader)).hasMessageContaining("expected the header");

        Path outside = dir.resolve("b.csv");
        Files.writeString(outside, BanditLogReader.SERENADE_HEADER + "\n"
                + "0,2025-03-01T20:00:00Z,art-z,1,0,0.5,tv,evening,en,faces,t,art-a;art-b\n");
        assertThatThrownBy(() -> BanditLogReader.serenade(outside))
                .hasMessageContaining("b.csv:2").hasMessageContaining("not among the candidates");

        Path quoted = dir.resolve("c.csv");
        Files.writeString(quoted, BanditLogReader.SERENADE_HEADER + "\n"
                + "0,2025-03-01T20:00:00Z,art-a,1,0,0.5,tv,evening,en,\"fa,ces\",t,art-a;art-b\n");
        assertThatThrownBy(() -> BanditLogReader.serenade(quoted)).hasMessageContaining("quoted");

        Path badPropensity = dir.resolve("d.csv");
        Files.writeString(badPropensity, BanditLogReader.SERENADE_HEADER + "\n"
                + "0,2025-03-01T20:00:00Z,art-a,1,0,0,tv,evening,en,faces,t,art-a;art-b\n");
        assertThatThrownBy(() -> BanditLogReader.serenade(badPropensity)).hasMessageContaining("propensity");

        assertThatThrownBy(() -> BanditLogReader.obd(dir, "random", "men")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void roundsSinceATime() throws IOException {
        BanditLog bts = BanditLogReader.obd(fixture("obd"), "bts", "men");
        List<LoggedRound> late = bts.since(Instant.parse("2019-11-24T00:07:00Z"));
        assertThat(late).hasSize(3);
        assertThat(late.stream().mapToDouble(LoggedRound::reward).sum()).isEqualTo(1);
    }
}
