package io.serenade.bench.loop;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ViewersTest {

    @Test
    void eachSegmentPlaysItsPreferredTagFourTimesAsOftenAsAnyOther() {
        assertThat(Segment.A.playRate("ominous")).isEqualTo(0.12);
        assertThat(Segment.A.playRate("faces")).isEqualTo(0.03);
        assertThat(Segment.B.playRate("faces")).isEqualTo(0.12);
        assertThat(Segment.B.playRate("minimal")).isEqualTo(0.03);
        assertThat(Segment.C.playRate("minimal")).isEqualTo(0.12);
        assertThat(Segment.C.playRate("romantic")).isEqualTo(0.03);
        for (Segment s : Segment.values()) {
            assertThat(LoopCatalog.TAGS).contains(s.preferredTag());
        }
    }

    @Test
    void theSegmentsPreferDifferentTagsInDifferentContexts() {
        assertThat(Segment.values()).extracting(Segment::preferredTag).doesNotHaveDuplicates();
        assertThat(Segment.values()).extracting(Segment::device).containsExactly("tv", "mobile", "web");
        assertThat(Segment.values()).extracting(Segment::localTime).containsExactly("21:00", "08:00", "13:00");
        assertThat(Segment.values()).extracting(Segment::locale).containsExactly("en-GB", "en-US", "fr-FR");
    }

    @Test
    void theSameSeedGivesEveryViewerTheSameSegmentWhateverTheRun() {
        Viewers first = new Viewers("abc", 300, 7);
        Viewers again = new Viewers("xyz", 300, 7);
        Viewers other = new Viewers("abc", 300, 8);
        assertThat(again.all()).extracting(Viewers.Viewer::segment)
                .containsExactlyElementsOf(first.all().stream().map(Viewers.Viewer::segment).toList());
        assertThat(other.all()).extracting(Viewers.Viewer::segment)
                .isNotEqualTo(first.all().stream().map(Viewers.Viewer::segment).toList());
    }

    @Test
    void viewerIdsCarryTheRunAndAreValidServiceIds() {
        Viewers viewers = new Viewers("t5k2ab", 600, 42);
        assertThat(viewers.all()).hasSize(600);
        assertThat(viewers.all().get(0).id()).isEqualTo("loop-t5k2ab-u-0");
        assertThat(viewers.all().get(599).id()).isEqualTo("loop-t5k2ab-u-599");
        assertThat(viewers.all()).allSatisfy(v -> assertThat(v.id()).matches("[A-Za-z0-9_-]{1,64}"));
        assertThat(new Viewers("ABCDEFGHIJKLMNOP", 100_000, 1).all().get(99_999).id()).matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void segmentsAreRoughlyEquallyLikely() {
        Map<Segment, Integer> sizes = new EnumMap<>(Segment.class);
        new Viewers("r", 30_000, 42).all().forEach(v -> sizes.merge(v.segment(), 1, Integer::sum));
        for (Segment s : Segment.values()) {
            assertThat(sizes.get(s) / 30_000.0).isCloseTo(1 / 3.0, within(0.02));
        }
    }

    @Test
    void pickingIsUniformOverViewers() {
        Viewers viewers = new Viewers("r", 4, 42);
        var random = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        Map<String, Integer> picked = new java.util.HashMap<>();
        for (int i = 0; i < 8_000; i++) {
            picked.merge(viewers.pick(random).id(), 1, Integer::sum);
        }
        assertThat(picked).hasSize(4);
        picked.values().forEach(n -> assertThat(n / 8_000.0).isCloseTo(0.25, within(0.03)));
    }

    @Test
    void refusesAnEmptyAudience() {
        assertThatThrownBy(() -> new Viewers("r", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
