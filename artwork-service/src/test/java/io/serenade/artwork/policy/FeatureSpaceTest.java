package io.serenade.artwork.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FeatureSpaceTest {

    private final FeatureSpace space = new FeatureSpace(List.of("faces", "ominous"));

    @Test
    void theLayoutIsFixedByTheVocabulary() {
        assertThat(space.contextDim()).isEqualTo(1 + 2 + 8 + 4 + 4 + 4);
        assertThat(space.modelDim()).isEqualTo(space.contextDim() * 2);
        assertThat(space.layout()).isEqualTo("v1:faces,ominous");
        assertThat(space.armFeatures(List.of("ominous", "unknown-tag"))).isEqualTo(
                new SparseVector(new int[]{1}, new double[]{1}));
    }

    @Test
    void contextNamesItsFeatures() {
        Taste taste = new Taste(Map.of("faces", 3.0), Map.of("horror", 2.0), 4);
        SparseVector x = space.context(taste, "tv", LocalTime.of(23, 15), "en-GB");
        assertThat(space.named(x)).contains(entry("everyone", 1.0), entry("tag:faces", 0.75), entry("device:tv", 1.0),
                entry("daypart:night", 1.0)).hasSize(6);
        assertThat(space.context(null, "toaster", null, null).size()).isEqualTo(1);
    }
}
