package io.serenade.bench.loop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopCatalogTest {

    @Test
    void everyTitleHasOneVariantPerTagWithStableValidIds() {
        LoopCatalog catalog = new LoopCatalog(20);
        assertThat(catalog.titleIds()).hasSize(20).startsWith("loop-t-1").endsWith("loop-t-20");
        assertThat(catalog.variants()).hasSize(80);
        assertThat(catalog.variants()).filteredOn(v -> v.titleId().equals("loop-t-3"))
                .extracting(LoopCatalog.Variant::artworkId)
                .containsExactly("loop-a-3-faces", "loop-a-3-ominous", "loop-a-3-romantic", "loop-a-3-minimal");
        assertThat(catalog.variants()).allSatisfy(v -> {
            assertThat(v.titleId()).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(v.artworkId()).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(catalog.tagOf(v.artworkId())).isEqualTo(v.tag());
        });
        assertThat(catalog.tagOf("a-00001-1")).isNull();
        assertThat(new LoopCatalog(20).variants()).isEqualTo(catalog.variants());
    }

    @Test
    void keepsOnlyTheLoopTitlesRowsOfAnExportedLog() {
        String header = ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,user_feature_2,"
                + "user_feature_3,title_id,candidates";
        String csv = header + "\n"
                + "0,2026-01-01T10:00:00Z,a-00001-1,1,0,0.25,tv,evening,en,,t-00001,a-00001-1;a-00001-2\n"
                + "1,2026-01-01T10:00:01Z,loop-a-2-faces,1,1,0.8,mobile,morning,en,faces,loop-t-2,"
                + "loop-a-2-faces;loop-a-2-minimal;loop-a-2-ominous;loop-a-2-romantic\n"
                + "2,2026-01-01T10:00:02Z,loop-a-5-minimal,1,0,0.05,web,afternoon,fr,,loop-t-5,"
                + "loop-a-5-faces;loop-a-5-minimal;loop-a-5-ominous;loop-a-5-romantic\n";
        assertThat(LoopCatalog.ownRows(csv)).isEqualTo(header + "\n"
                + "0,2026-01-01T10:00:01Z,loop-a-2-faces,1,1,0.8,mobile,morning,en,faces,loop-t-2,"
                + "loop-a-2-faces;loop-a-2-minimal;loop-a-2-ominous;loop-a-2-romantic\n"
                + "1,2026-01-01T10:00:02Z,loop-a-5-minimal,1,0,0.05,web,afternoon,fr,,loop-t-5,"
                + "loop-a-5-faces;loop-a-5-minimal;loop-a-5-ominous;loop-a-5-romantic\n");
        assertThat(LoopCatalog.ownRows(header + "\n")).isEqualTo(header + "\n");
    }

    @Test
    void refusesALogWithoutTitles() {
        assertThatThrownBy(() -> LoopCatalog.ownRows("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopCatalog.ownRows("a,b,c\n1,2,3\n")).hasMessageContaining("title_id");
    }
}
