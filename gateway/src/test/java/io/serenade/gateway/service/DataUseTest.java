package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.gateway.api.ArtworkChoices;
import io.serenade.gateway.api.RankingHome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a response records as used: only granted purposes, only the categories each may use, nothing when nothing was used. */
class DataUseTest {

    private static final RankingHome PERSONAL = new RankingHome("u", true, null, "m", Instant.EPOCH, List.of());
    private static final RankingHome POPULAR = new RankingHome("u", false, "off", null, Instant.EPOCH, List.of());
    private static final ArtworkChoices.Response CHOSEN = new ArtworkChoices.Response(List.of(
            new ArtworkChoices.Choice("t", "a", "/a.svg", "i", 0.5, "p", null)));
    private static final ArtworkChoices.Response NONE_CHOSEN = new ArtworkChoices.Response(List.of());

    @Test
    void aCategoryAPurposeMayNotUseIsDroppedAndAPurposeWithNoneLeftIsNotRecorded() {
        DataUse use = new DataUse().add(Purposes.SEARCH_HISTORY, List.of("ranking-service"), "interaction-history", "profile");
        assertThat(use.isEmpty()).isTrue();
        use.add(Purposes.NOTIFICATIONS, List.of("profile-service"), "notification-decisions", "artwork-context");
        assertThat(use.purposes()).containsExactly(Purposes.NOTIFICATIONS);
        assertThat(use.categories()).containsExactly("notification-decisions");
        assertThat(use.services()).containsExactly("profile-service");
    }

    @Test
    void everyPurposeOfTheCatalogueHasItsCategories() {
        assertThat(DataUse.CATEGORIES_OF.keySet()).containsExactlyInAnyOrderElementsOf(Purposes.ALL);
    }

    @Test
    void globalArtworkWithoutImpressionsIsNoArtworkPersonalization() {
        GrantedPurposes all = new GrantedPurposes(Set.copyOf(Purposes.ALL));
        ArtworkChoices.Response global = new ArtworkChoices.Response(List.of(
                new ArtworkChoices.Choice("t", "a", "/a.svg", null, 1.0, "global", null)));
        assertThat(HomeService.used(all, false, POPULAR, global).isEmpty()).isTrue();
        assertThat(HomeService.used(all, true, PERSONAL, global).purposes()).containsExactly(Purposes.PERSONALIZATION);
        ArtworkChoices.Response mixed = new ArtworkChoices.Response(List.of(global.choices().get(0), CHOSEN.choices().get(0)));
        assertThat(HomeService.used(all, false, POPULAR, mixed).purposes()).containsExactly(Purposes.ARTWORK_PERSONALIZATION);
    }

    @Test
    void aHomePageRecordsWhatWasGrantedAndUsed() {
        GrantedPurposes all = new GrantedPurposes(Set.copyOf(Purposes.ALL));
        DataUse full = HomeService.used(all, true, PERSONAL, CHOSEN);
        assertThat(full.purposes()).containsExactly(Purposes.PERSONALIZATION, Purposes.ARTWORK_PERSONALIZATION);
        assertThat(full.categories()).containsExactly("profile", "interaction-history", "inferred-affinities", "artwork-context");

        assertThat(HomeService.used(GrantedPurposes.NONE, false, PERSONAL, CHOSEN).isEmpty()).as("nothing granted").isTrue();
        assertThat(HomeService.used(all, false, POPULAR, NONE_CHOSEN).isEmpty()).as("granted but not used").isTrue();
        DataUse genresOnly = HomeService.used(new GrantedPurposes(Set.of(Purposes.PERSONALIZATION)), true, POPULAR, CHOSEN);
        assertThat(genresOnly.categories()).containsExactly("profile");
        assertThat(genresOnly.services()).containsExactly("profile-service", "ranking-service");
    }

    @Test
    void aSearchRecordsPersonalizationOnlyWhenRankingPersonalized() throws Exception {
        ObjectMapper json = new ObjectMapper();
        GrantedPurposes granted = new GrantedPurposes(Set.of(Purposes.PERSONALIZATION));
        assertThat(SearchService.used(granted, json.readTree("{\"personalized\": true}")).purposes()).containsExactly(Purposes.PERSONALIZATION);
        assertThat(SearchService.used(granted, json.readTree("{\"personalized\": false}")).isEmpty()).isTrue();
        assertThat(SearchService.used(granted, json.readTree("{}")).isEmpty()).isTrue();
        assertThat(SearchService.used(GrantedPurposes.NONE, json.readTree("{\"personalized\": true}")).isEmpty()).isTrue();
    }

    @Test
    void theRecentTitlesAreTheNewestDistinctWatchedOnes() throws Exception {
        var history = new ObjectMapper().readTree("""
                {"items": [{"titleId": "t-1", "type": "PLAY"}, {"type": "SEARCH", "query": "x"}, {"titleId": "t-9", "type": "IMPRESSION"},
                 {"titleId": "t-1", "type": "COMPLETE"}, {"titleId": "t-2", "type": "RATING"}, {"titleId": "t-3", "type": "CLICK"},
                 {"titleId": "t-4", "type": "PLAY"}, {"titleId": "t-5", "type": "PLAY"}, {"titleId": "t-6", "type": "PLAY"},
                 {"titleId": "t-7", "type": "PLAY"}, {"titleId": 8, "type": "PLAY"}]}""");
        assertThat(AssistantContextService.recentTitleIds(history)).containsExactly("t-1", "t-2", "t-4", "t-5", "t-6");
        assertThat(AssistantContextService.recentTitleIds(new ObjectMapper().createObjectNode())).isEmpty();
    }
}
