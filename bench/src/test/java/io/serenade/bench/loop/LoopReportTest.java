package io.serenade.bench.loop;

import io.serenade.bench.loop.LoopReport.Shown;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LoopReportTest {

    @Test
    void theReferenceRatesFollowFromTheTastes() {
        assertThat(LoopReport.uniformRate()).isCloseTo(0.0525, within(1e-12));
        assertThat(LoopReport.bestSingleTagRate()).isCloseTo(0.06, within(1e-12));
        assertThat(LoopReport.oracleRate()).isEqualTo(0.12);
    }

    @Test
    void windowsCountPagesNotImpressions() {
        LoopReport report = new LoopReport(2);
        report.page(List.of(new Shown(Segment.A, "ominous", "personal", true)));
        report.page(List.of());
        report.page(List.of(new Shown(Segment.B, "faces", "exploring", false)));
        assertThat(report.pages()).isEqualTo(3);
        assertThat(report.windows()).hasSize(2);
        assertThat(report.windows().get(0).firstPage()).isEqualTo(1);
        assertThat(report.windows().get(0).lastPage()).isEqualTo(2);
        assertThat(report.windows().get(0).impressions()).isEqualTo(1);
        assertThat(report.windows().get(1).firstPage()).isEqualTo(3);
        assertThat(report.windows().get(1).lastPage()).isEqualTo(3);
    }

    @Test
    void aWindowCountsPlaysPreferredArtPerSegmentAndWhyCodes() {
        LoopReport report = new LoopReport(10);
        report.page(List.of(
                new Shown(Segment.A, "ominous", "personal", true),
                new Shown(Segment.A, "faces", "exploring", false),
                new Shown(Segment.A, "ominous", "personal", false),
                new Shown(Segment.A, "minimal", "sticky", false)));
        report.page(List.of(
                new Shown(Segment.B, "faces", "personal", true),
                new Shown(Segment.B, "ominous", "popular", false),
                new Shown(Segment.C, "romantic", "exploring", true),
                new Shown(Segment.C, "romantic", "popular", false)));
        LoopReport.Window w = report.windows().get(0);
        assertThat(w.impressions()).isEqualTo(8);
        assertThat(w.plays()).isEqualTo(3);
        assertThat(w.playRate()).isEqualTo(3 / 8.0);
        assertThat(w.preferredShare(Segment.A)).isEqualTo(0.5);
        assertThat(w.preferredShare(Segment.B)).isEqualTo(0.5);
        assertThat(w.preferredShare(Segment.C)).isZero();
        assertThat(w.preferredShare()).isEqualTo(3 / 8.0);
        assertThat(w.why("personal")).isEqualTo(3);
        assertThat(w.why("exploring")).isEqualTo(2);
        assertThat(w.why("popular")).isEqualTo(2);
        assertThat(w.why("sticky")).isEqualTo(1);
        assertThat(w.why("personalization-off")).isZero();
    }

    @Test
    void aSegmentNotSeenInAWindowHasNoShare() {
        LoopReport report = new LoopReport(1);
        report.page(List.of(new Shown(Segment.A, "ominous", "personal", false)));
        assertThat(report.windows().get(0).preferredShare(Segment.B)).isNaN();
        assertThat(report.markdown()).contains("| 1–1 | 1 | 0 | 0.00% | 100.00% | 100.00% | n/a | n/a | 1 |");
    }

    @Test
    void theTableHasOneRowPerWindowAndComparesFirstAndLastWithTheReferences() {
        LoopReport report = new LoopReport(2);
        // Window 1: uniform-looking, 1 play in 8. Window 2: every segment shown its preferred art, 2 plays in 4.
        for (int page = 0; page < 2; page++) {
            List<Shown> shown = new ArrayList<>();
            for (String tag : LoopCatalog.TAGS) {
                shown.add(new Shown(Segment.B, tag, "exploring", page == 0 && tag.equals("faces")));
            }
            report.page(shown);
        }
        report.page(List.of(new Shown(Segment.A, "ominous", "personal", true), new Shown(Segment.B, "faces", "personal", false)));
        report.page(List.of(new Shown(Segment.C, "minimal", "sticky", true), new Shown(Segment.C, "minimal", "sticky", false)));
        String md = report.markdown();
        assertThat(md).contains(
                "| pages | impressions | plays | play rate | preferred art shown: all | A (ominous) | B (faces) | C (minimal) "
                        + "| why: exploring | why: personal | why: sticky |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| 1–2 | 8 | 1 | 12.50% | 25.00% | n/a | 25.00% | n/a | 8 | 0 | 0 |",
                "| 3–4 | 4 | 2 | 50.00% | 100.00% | 100.00% | 100.00% | 100.00% | 0 | 2 | 2 |",
                "first window (pages 1–2): 12.50% [", "last window (pages 3–4): 50.00% [",
                "Reference rates: 5.25% uniform choice, 6.00% the best single tag for everyone, 12.00% the per-segment oracle.");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| pages"))).hasSize(2);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new LoopReport(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
