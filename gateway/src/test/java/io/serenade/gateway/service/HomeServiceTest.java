package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.HomePage;
import io.serenade.gateway.api.RankingHome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Composing ranking's rows with artwork's choices into the public page, and what that page shows as JSON. */
class HomeServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void explanationsNoticeAndModelPassThroughAndNullsAreOmitted() throws Exception {
        String ranking = """
                {"userId": "u-1", "personalized": true, "notice": null, "modelId": "ease-7", "generatedAt": "2025-03-01T10:00:00Z",
                 "rows": [{"id": "top", "heading": "Top picks", "items": [
                   {"titleId": "t-1", "name": "One", "genres": ["drama"], "maturityRating": "12", "score": 0.9,
                    "reason": {"code": "because-watched", "text": "Because you watched Two", "personal": true},
                    "explanation": {"personalScore": 0.7, "popularityScore": 0.2, "otherShare": 0.1, "because": [
                      {"eventId": "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11", "titleId": "t-2", "titleName": "Two", "type": "PLAY",
                       "occurredAt": "2025-02-28T21:00:00Z", "contribution": 0.63, "share": 0.9}]}},
                   {"titleId": "t-3", "name": "Three", "genres": [], "maturityRating": "all", "score": 0.5,
                    "reason": {"code": "popular", "text": "Popular now", "personal": false}}]}]}""";
        RankingHome ranked = JSON.readValue(ranking, RankingHome.class);
        ArtworkChoices.Response choices = new ArtworkChoices.Response(List.of(
                new ArtworkChoices.Choice("t-1", "a-1", "/api/v1/artwork/a-1.svg", "i-1", 0.5, "thompson",
                        new ArtworkChoices.Why("personal", "You often play titles whose art shows faces."))));

        HomePage page = HomeService.compose(ranked, choices);
        JsonNode json = JSON.valueToTree(page);

        assertThat(json.has("notice")).isFalse();
        assertThat(json.path("modelId").asText()).isEqualTo("ease-7");
        JsonNode first = json.at("/rows/0/items/0");
        assertThat(first.at("/explanation/because/0/eventId").asText()).isEqualTo("5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11");
        assertThat(first.at("/explanation/because/0/share").asDouble()).isEqualTo(0.9);
        assertThat(first.at("/explanation/otherShare").asDouble()).isEqualTo(0.1);
        assertThat(first.at("/artwork/impressionId").asText()).isEqualTo("i-1");
        assertThat(first.has("score")).isFalse();
        JsonNode second = json.at("/rows/0/items/1");
        assertThat(second.has("explanation")).isFalse();
        assertThat(second.has("artwork")).isFalse();
    }

    @Test
    void anUnpersonalizedPageCarriesItsNotice() {
        RankingHome ranked = new RankingHome("u-1", false, "Personalization is off: you have not consented to it", null,
                Instant.parse("2025-03-01T10:00:00Z"), List.of());
        HomePage page = HomeService.compose(ranked, new ArtworkChoices.Response(List.of()));
        JsonNode json = JSON.valueToTree(page);
        assertThat(json.path("personalized").asBoolean()).isFalse();
        assertThat(json.path("notice").asText()).startsWith("Personalization is off");
        assertThat(json.has("modelId")).isFalse();
    }
}
