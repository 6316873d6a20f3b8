package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Transparency and export of what artwork holds about a viewer, from the real PostgreSQL and Redis. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class UserDataResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ARTWORK = Purposes.ARTWORK_PERSONALIZATION;

    private final BanditRepository repository;

    UserDataResourceTest(BanditRepository repository) {
        this.repository = repository;
    }

    @Test
    void theSummaryAndTheExportHoldTheViewersOwnArtworkContextOnly() {
        String user = Variants.id("u"), other = Variants.id("u");
        String played = Variants.id("t"), shown = Variants.id("t");
        Variants.put(played, Variants.id("a"), "{\"tags\":[\"faces\",\"dark\"],\"enabled\":true}");
        Variants.put(shown, Variants.id("a"), true);
        TestKafka.grant(user, ARTWORK);
        TestKafka.grant(other, ARTWORK);
        JsonPath answer = Variants.choose(user, List.of(played, shown), ARTWORK);
        JsonPath theirs = Variants.choose(other, List.of(played), ARTWORK);
        List<Row> rows = logged(user, 2);
        logged(other, 1);
        Instant shownAt = rows.get(0).getOffsetDateTime("shown_at").toInstant();
        TestTopics.send(TestTopics.INTERACTIONS, user, new InteractionRecorded(1, UUID.randomUUID(), user, played,
                InteractionType.PLAY, 30.0, answer.getString("choices[0].artworkId"), answer.getString("choices[0].impressionId"),
                null, null, shownAt.plusSeconds(60)));
        await().atMost(WAIT).until(() -> repository.impressionsOf(user).await().atMost(WAIT).stream()
                .anyMatch(r -> r.getDouble("reward") != null));

        JsonPath summary = asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("service")).isEqualTo("artwork-service");
        assertThat(holding(summary, "postgresql:impressions")).containsEntry("category", "artwork-context")
                .containsEntry("count", 2).containsEntry("oldest", shownAt.toString());
        assertThat(holding(summary, "redis:aw:sticky")).containsEntry("category", "artwork-context").containsEntry("count", 2);
        assertThat(holding(summary, "redis:aw:taste")).containsEntry("count", 1);
        assertThat(holding(summary, "postgresql:consent_view")).containsEntry("category", "consents").containsEntry("count", 1);

        String body = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(other).doesNotContain(theirs.getString("choices[0].impressionId"));
        JsonPath export = new JsonPath(body);
        assertThat(export.getString("service")).isEqualTo("artwork-service");
        assertThat(export.getString("userId")).isEqualTo(user);
        assertThat(export.getList("data.artwork-context.impressions.impressionId"))
                .containsExactlyInAnyOrder(answer.getString("choices[0].impressionId"), answer.getString("choices[1].impressionId"));
        Map<String, Object> first = export.getMap("data.'artwork-context'.impressions.find { it.titleId == '" + played + "' }");
        assertThat(first).containsEntry("artworkId", answer.getString("choices[0].artworkId")).containsEntry("reward", 1.0f)
                .containsKeys("propensity", "candidates", "shownAt", "rewardedAt", "policy");
        assertThat(export.getString("data.artwork-context.impressions[0].context.device")).isEqualTo("tv");
        assertThat(export.getMap("data.artwork-context.impressions[0].context.features")).isNotEmpty();
        assertThat(export.getList("data.artwork-context.stickyChoices.titleId")).containsExactlyInAnyOrder(played, shown);
        // A fresh choice was last reviewed when it was shown.
        assertThat(export.getList("data.artwork-context.stickyChoices.reviewedAt"))
                .containsExactlyElementsOf(export.getList("data.artwork-context.stickyChoices.shownAt"));
        assertThat(export.getFloat("data.artwork-context.taste.plays")).isEqualTo(1.0f);
        assertThat(export.getMap("data.artwork-context.taste.tagPlays")).containsEntry("faces", 1.0f).containsEntry("dark", 1.0f);
        assertThat(export.getString("data.artwork-context.taste.explanation")).contains("from the 1 play that");
        assertThat(export.getList("data.consents.purposes")).containsExactly(ARTWORK);
    }

    @Test
    void aViewerWithNothingHereHasAnEmptySummaryAndExport() {
        String user = "nobody-" + UUID.randomUUID();
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).body("holdings.size()", equalTo(0));
        JsonPath export = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("data.artwork-context.impressions")).isEmpty();
        assertThat(export.getList("data.artwork-context.stickyChoices")).isEmpty();
        assertThat(export.getMap("data")).doesNotContainKey("consents");
    }

    @Test
    void badUserIdsAre400ProblemsNamingTheField() {
        for (String route : new String[] {"data", "export"}) {
            for (String bad : new String[] {"u".repeat(65), "bad!id", "a b", "x.y"}) {
                asConsent().get("/internal/users/{u}/" + route, bad).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("userId"));
            }
        }
    }

    private List<Row> logged(String user, int n) {
        return await().atMost(WAIT).until(() -> repository.impressionsOf(user).await().indefinitely(), r -> r.size() == n);
    }

    private static Map<String, Object> holding(JsonPath summary, String store) {
        Map<String, Object> h = summary.getMap("holdings.find { it.store == '" + store + "' }");
        assertThat(h).as(store).isNotNull();
        return h;
    }
}
