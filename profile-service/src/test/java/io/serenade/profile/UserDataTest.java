package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.profile.repository.InteractionRepository;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Transparency summary and export of what profile-service holds about a user. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class UserDataTest {

    private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    private final InteractionRepository interactions;
    private final Pool pool;

    UserDataTest(InteractionRepository interactions, Pool pool) {
        this.interactions = interactions;
        this.pool = pool;
    }

    /** A user with data in every table: profile, settings, history, searches, a forgotten event, consent, decisions. */
    private String userWithEverything() {
        String user = UUID.randomUUID().toString();
        asGateway().contentType(ContentType.JSON).body("""
                        {"displayName":"Ada","locale":"fr-FR","timeZone":"Europe/Paris","maturityRating":"13+",
                         "favouriteGenres":["drama"],"diversity":0.5}""")
                .put("/internal/users/{u}/profile", user).then().statusCode(200);
        asGateway().contentType(ContentType.JSON).body("{\"perDay\":2,\"perWeek\":5,\"quietStart\":\"21:00\",\"quietEnd\":\"07:00\"}")
                .put("/internal/users/{u}/notifications/settings", user).then().statusCode(200);
        // search-history granted first: search text is stored only under it.
        TestData.consent(pool, user, "notifications", "personalization", "search-history");
        InteractionRecorded play = InteractionRepositoryTest.event(user, "t-1", T0);
        InteractionRecorded forgotten = InteractionRepositoryTest.event(user, "t-2", T0.plusSeconds(60));
        insert(List.of(play, forgotten,
                search(user, "space opera", T0.plusSeconds(120)),
                search(user, null, T0.plusSeconds(180))));
        asGateway().delete("/internal/users/{u}/history/{e}", user, forgotten.eventId()).then().statusCode(204);
        TestData.decision(pool, user, "new-episode", "ALLOW", T0.plusSeconds(300));
        return user;
    }

    static InteractionRecorded search(String user, String query, Instant at) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, query == null ? "t-9" : null, InteractionType.SEARCH,
                null, null, null, query, new InteractionContext("phone", "fr-FR", "Europe/Paris", LocalTime.of(9, 0)), at);
    }

    @Test
    void theSummaryCountsEachHoldingWithoutPersonalData() {
        String user = userWithEverything();
        JsonPath summary = asConsent().get("/internal/users/{u}/data", user).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(summary.getString("service")).isEqualTo("profile-service");
        assertThat(summary.getInt("version")).isEqualTo(1);
        List<Map<String, Object>> holdings = summary.getList("holdings");
        assertThat(holdings).extracting(h -> h.get("category") + " " + h.get("store") + " " + h.get("count"))
                .containsExactlyInAnyOrder(
                        "profile postgresql:profiles 1",
                        "profile postgresql:notification_settings 1",
                        "interaction-history postgresql:interactions 2", // the play and the SEARCH without text
                        "interaction-history postgresql:forgotten_events 1",
                        "search-history postgresql:interactions 1",
                        "notification-decisions postgresql:notification_decisions 1",
                        "consents postgresql:consent_view 1");
        Map<String, Object> history = holdings.stream()
                .filter(h -> "interaction-history".equals(h.get("category")) && "postgresql:interactions".equals(h.get("store")))
                .findFirst().orElseThrow();
        assertThat(history.get("oldest")).isEqualTo("2026-10-01T10:00:00Z");
        assertThat(history.get("newest")).isEqualTo("2026-10-01T10:03:00Z");
        String body = asConsent().get("/internal/users/{u}/data", user).asString();
        assertThat(body).doesNotContain("space opera", "Ada", "t-1");
    }

    @Test
    void theExportHoldsEveryRowWithItsContext() {
        String user = userWithEverything();
        JsonPath export = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(export.getString("service")).isEqualTo("profile-service");
        assertThat(export.getString("userId")).isEqualTo(user);
        assertThat(export.getString("exportedAt")).isNotNull();
        assertThat(export.getString("data.profile.profile.displayName")).isEqualTo("Ada");
        assertThat(export.getString("data.profile.profile.createdAt")).isNotNull();
        assertThat(export.getInt("data.profile.notificationSettings.perDay")).isEqualTo(2);
        assertThat(export.getList("data.'interaction-history'.events")).hasSize(2);
        assertThat(export.getString("data.'interaction-history'.events[0].type")).isEqualTo("SEARCH");
        assertThat(export.getString("data.'interaction-history'.events[1].titleId")).isEqualTo("t-1");
        assertThat(export.getString("data.'interaction-history'.events[1].device")).isEqualTo("tv");
        assertThat(export.getString("data.'interaction-history'.events[1].localTime")).isEqualTo("21:30:00");
        assertThat(export.getString("data.'interaction-history'.events[1].recordedAt")).isNotNull();
        assertThat(export.getList("data.'interaction-history'.forgottenEvents")).hasSize(1);
        assertThat(export.getString("data.'search-history'.searches[0].query")).isEqualTo("space opera");
        assertThat(export.getString("data.'search-history'.searches[0].timeZone")).isEqualTo("Europe/Paris");
        assertThat(export.getString("data.'notification-decisions'.decisions[0].reason.code")).isEqualTo("allowed");
        assertThat(export.getList("data.consents.consentView.purposes")).containsExactlyInAnyOrder("personalization", "search-history", "notifications");
    }

    @Test
    void anotherUserSeesNoneOfIt() {
        userWithEverything();
        String other = UUID.randomUUID().toString();
        asConsent().get("/internal/users/{u}/data", other).then().statusCode(200).body("holdings.size()", equalTo(0));
        JsonPath export = asConsent().get("/internal/users/{u}/export", other).then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("data.profile.profile")).isNull();
        assertThat(export.getString("data.profile.notificationSettings")).isNull();
        assertThat(export.getList("data.'interaction-history'.events")).isEmpty();
        assertThat(export.getList("data.'interaction-history'.forgottenEvents")).isEmpty();
        assertThat(export.getList("data.'search-history'.searches")).isEmpty();
        assertThat(export.getList("data.'notification-decisions'.decisions")).isEmpty();
        assertThat(export.getString("data.consents.consentView")).isNull();
    }

    @Test
    void tenThousandEventsExportInOnePiece() {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "search-history"); // search text is stored only under it
        List<InteractionRecorded> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(i % 10 == 0 ? search(user, "query " + i, T0.plusSeconds(i))
                    : InteractionRepositoryTest.event(user, "t-" + (i % 50), T0.plusSeconds(i)));
        }
        for (int from = 0; from < events.size(); from += 1000) {
            insert(events.subList(from, from + 1000));
        }
        JsonPath export = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("data.'interaction-history'.events")).hasSize(9_000);
        assertThat(export.getList("data.'search-history'.searches")).hasSize(1_000);
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200)
                .body("holdings.find { it.category == 'interaction-history' }.count", equalTo(9_000))
                .body("holdings.find { it.category == 'search-history' }.count", equalTo(1_000));
    }

    @Test
    void badUserIdsAre400Problems() {
        asConsent().get("/internal/users/{u}/data", "a.b").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("userId"));
        asConsent().get("/internal/users/{u}/export", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
    }

    private void insert(List<InteractionRecorded> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> interactions.insertIgnoringDuplicates(events));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
