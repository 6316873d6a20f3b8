package io.serenade.bench.loop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtworkClientTest {

    @Test
    void readsTheChoicesTheServiceAnswers() {
        String body = """
                {"choices":[
                  {"titleId":"loop-t-1","artworkId":"loop-a-1-ominous","imageUrl":"http://localhost:8080/api/v1/artwork/loop-a-1-ominous.svg",
                   "impressionId":"4f9a1c2e-7d3b-4c1a-9e8f-0a1b2c3d4e5f","propensity":0.85,"policy":"linucb",
                   "why":{"code":"personal","text":"On tv, art that looks ominous gets played more."}},
                  {"titleId":"loop-t-2","artworkId":"loop-a-2-faces","imageUrl":"x","impressionId":null,"propensity":1.0,
                   "policy":"global-best","why":{"code":"popular","text":"The image most viewers play for this title."}}]}
                """;
        assertThat(ArtworkClient.parseChoices(body)).containsExactly(
                new ArtworkClient.Choice("loop-t-1", "loop-a-1-ominous", "4f9a1c2e-7d3b-4c1a-9e8f-0a1b2c3d4e5f", "linucb", "personal"),
                new ArtworkClient.Choice("loop-t-2", "loop-a-2-faces", null, "global-best", "popular"));
        assertThat(ArtworkClient.parseChoices("{\"choices\":[]}")).isEmpty();
    }

    @Test
    void readsACounterFromPrometheusText() {
        String metrics = """
                # HELP serenade_artwork_rewards_credited_total Plays and clicks credited to a logged impression
                # TYPE serenade_artwork_rewards_credited_total counter
                serenade_artwork_rewards_credited_total 1234.0
                serenade_artwork_rewards_credited_totalish 5.0
                """;
        assertThat(ArtworkClient.counter(metrics, ArtworkClient.CREDITED)).hasValue(1234.0);
        assertThat(ArtworkClient.counter("x{a=\"1\"} 2.0\nx{a=\"2\"} 3.0\n", "x")).hasValue(5.0);
        assertThat(ArtworkClient.counter("y 1.0\n", ArtworkClient.CREDITED)).isEmpty();
    }
}
