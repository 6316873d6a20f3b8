package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Transparency, export and affinities of what ranking holds, through the real topics and stores. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class UserDataResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Pool pool;
    private final InteractionLogRepository log;

    UserDataResourceTest(Pool pool, InteractionLogRepository log) {
        this.pool = pool;
        this.log = log;
    }

    @Test
    void summaryExportAndAffinitiesShowTheUsersOwnDataOnly() {
        String run = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
        String scifi = put("ud-" + run + "-s1", "Orbit", "sci-fi", "space");
        String scifi2 = put("ud-" + run + "-s2", "Far Stars", "sci-fi", "space");
        String drama = put("ud-" + run + "-d1", "Kitchen", "drama", "family");
        String user = "ud-" + run, other = "ud-other-" + run;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InteractionRecorded p1 = event(user, scifi, InteractionType.PLAY, null, now.minusSeconds(300));
        InteractionRecorded p2 = event(user, scifi2, InteractionType.COMPLETE, null, now.minusSeconds(200));
        InteractionRecorded p3 = event(user, drama, InteractionType.PLAY, null, now.minusSeconds(100));
        InteractionRecorded low = event(user, drama, InteractionType.RATING, 1.0, now.minusSeconds(90));
        InteractionRecorded search = event(user, null, InteractionType.SEARCH, null, now.minusSeconds(50));
        InteractionRecorded forgotten = event(user, scifi, InteractionType.CLICK, null, now.minusSeconds(40));
        InteractionRecorded theirs = event(other, drama, InteractionType.PLAY, null, now);
        TestTopics.send(TestTopics.INTERACTIONS, user, p1, p2, p3, low, search, forgotten);
        TestTopics.send(TestTopics.INTERACTIONS, other, theirs);
        TestTopics.send(TestTopics.FORGOTTEN, user, new InteractionForgotten(0, forgotten.eventId(), user, now));
        TestKafka.grant(List.of(user), "personalization", "assistant-context");
        await().atMost(WAIT).until(() -> rows("interactions", user) == 5 && rows("forgotten_events", user) == 1
                && rows("interactions", other) == 1);

        // Affinities are read against the catalog snapshot, which picks the new titles up within its refresh.
        await().atMost(WAIT).until(() -> asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).extract()
                .jsonPath().getList("holdings.store").contains("computed:interactions"));
        JsonPath summary = asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("service")).isEqualTo("ranking-service");
        assertThat(summary.getInt("version")).isEqualTo(1);
        assertThat(holding(summary, "postgresql:interactions"))
                .containsEntry("category", "interaction-history").containsEntry("count", 5)
                .containsEntry("oldest", p1.occurredAt().toString()).containsEntry("newest", search.occurredAt().toString());
        assertThat(holding(summary, "postgresql:forgotten_events")).containsEntry("count", 1);
        assertThat(holding(summary, "postgresql:consent_view")).containsEntry("category", "consents").containsEntry("count", 1);
        // Genres sci-fi and drama, themes space and family: the 1-star rating and the search count for nothing.
        assertThat(holding(summary, "computed:interactions")).containsEntry("category", "inferred-affinities")
                .containsEntry("count", 4);

        String body = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(other);
        JsonPath export = new JsonPath(body);
        assertThat(export.getString("service")).isEqualTo("ranking-service");
        assertThat(export.getString("userId")).isEqualTo(user);
        List<String> ids = export.getList("data.interaction-history.interactions.eventId");
        assertThat(ids).containsExactly(p1.eventId().toString(), p2.eventId().toString(), p3.eventId().toString(),
                low.eventId().toString(), search.eventId().toString());
        assertThat(ids).doesNotContain(theirs.eventId().toString(), forgotten.eventId().toString());
        assertThat(export.getString("data.interaction-history.interactions[0].titleName")).isEqualTo("Orbit");
        assertThat(export.getString("data.interaction-history.interactions[0].device")).isEqualTo("tv");
        assertThat(export.getString("data.interaction-history.interactions[4].type")).isEqualTo("SEARCH");
        assertThat(export.getList("data.interaction-history.forgottenEvents.eventId")).containsExactly(forgotten.eventId().toString());
        assertThat(export.getString("data.inferred-affinities.explanation")).contains("personalization");
        assertThat(export.getInt("data.inferred-affinities.basedOnEvents")).isEqualTo(3);
        assertThat(export.getString("data.inferred-affinities.genres[0].name")).isEqualTo("sci-fi");
        assertThat(export.getDouble("data.inferred-affinities.genres[0].weight")).isEqualTo(0.75);
        assertThat(export.getString("data.inferred-affinities.genres[0].explanation"))
                .isEqualTo("from 1 play and 1 completion of titles in sci-fi");
        assertThat(export.getMap("data.inferred-affinities.genres[0].events")).containsEntry("PLAY", 1).containsEntry("COMPLETE", 1);
        assertThat(export.getList("data.consents.purposes")).containsExactly("personalization", "assistant-context");

        JsonPath affinities = affinities(user, Tokens.grant(user, "assistant-context"), "1");
        assertThat(affinities.getList("genres.name")).containsExactly("sci-fi");
        assertThat(affinities.getDouble("genres[0].weight")).isEqualTo(0.75);
        assertThat(affinities.getList("themes.name")).containsExactly("space");
        assertThat(affinities.getInt("basedOnEvents")).isEqualTo(3);
        assertThat(affinities(user, Tokens.grant(user, "assistant-context"), null).getList("genres.name"))
                .containsExactly("sci-fi", "drama");

        // Nothing without a valid token for this user granting assistant-context: not even with personalization.
        for (String header : new String[] {null, "assistant-context", Tokens.grant(user, "personalization"),
                Tokens.grant(other, "assistant-context"), Tokens.expired(user, "assistant-context"),
                Tokens.tampered(user, "assistant-context")}) {
            JsonPath none = affinities(user, header, null);
            assertThat(none.getList("genres")).as(String.valueOf(header)).isEmpty();
            assertThat(none.getList("themes")).isEmpty();
            assertThat(none.getInt("basedOnEvents")).isZero();
        }

        JsonPath theirSummary = asConsent().get("/internal/users/{u}/data", other).then().statusCode(200).extract().jsonPath();
        assertThat(holding(theirSummary, "postgresql:interactions")).containsEntry("count", 1);
        assertThat(theirSummary.getList("holdings.store")).doesNotContain("postgresql:forgotten_events", "postgresql:consent_view");
    }

    @Test
    void aUserWithNothingHereHasAnEmptySummaryAndExport() {
        String user = "nobody-" + UUID.randomUUID();
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).body("holdings.size()", equalTo(0));
        JsonPath export = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("data.interaction-history.interactions")).isEmpty();
        assertThat(export.getInt("data.inferred-affinities.basedOnEvents")).isZero();
        assertThat(export.getMap("data")).doesNotContainKey("consents");
    }

    @Test
    void theExportOfTenThousandEventsIsWhole() {
        String user = "big-" + UUID.randomUUID();
        List<InteractionRecorded> events = new ArrayList<>(10_000);
        Instant start = Instant.now().minus(Duration.ofDays(20));
        for (int i = 0; i < 10_000; i++) {
            events.add(event(user, "t-" + (i % 300), InteractionType.PLAY, null, start.plusSeconds(i)));
        }
        log.insertNew(events, fresh -> Uni.createFrom().voidItem()).await().atMost(WAIT);

        JsonPath export = asConsent().get("/internal/users/{u}/export", user).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("data.interaction-history.interactions")).hasSize(10_000);
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200)
                .body("holdings.find { it.store == 'postgresql:interactions' }.count", equalTo(10_000));
    }

    @Test
    void badUserIdsAndLimitsAre400ProblemsNamingTheField() {
        for (String route : new String[] {"data", "export", "affinities"}) {
            for (String bad : new String[] {"u".repeat(65), "bad!id", "a b", "x.y"}) {
                // Each route as its caller: consent-service gathers data and exports, the gateway asks for affinities.
                (route.equals("affinities") ? asGateway() : asConsent()).get("/internal/users/{u}/" + route, bad).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("userId"));
            }
        }
        for (String bad : new String[] {"0", "21", "abc", "-1", "1.5"}) {
            asGateway().queryParam("limit", bad).get("/internal/users/{u}/affinities", "u1").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        }
    }

    private static JsonPath affinities(String user, String header, String limit) {
        var request = asGateway();
        if (header != null) {
            request = request.header(GrantedPurposes.HEADER, header);
        }
        if (limit != null) {
            request = request.queryParam("limit", limit);
        }
        return request.get("/internal/users/{u}/affinities", user).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> holding(JsonPath summary, String store) {
        Map<String, Object> h = summary.getMap("holdings.find { it.store == '" + store + "' }");
        assertThat(h).as(store).isNotNull();
        return h;
    }

    private long rows(String table, String user) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static String put(String id, String name, String genre, String theme) {
        asGateway().contentType(ContentType.JSON)
                .body(Map.of("name", name, "genres", List.of(genre), "themes", List.of(theme), "maturityRating", "13+"))
                .put("/internal/titles/{id}", id).then().statusCode(200);
        return id;
    }

    private static InteractionRecorded event(String user, String title, InteractionType type, Double value, Instant at) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, type, value, null, null, null,
                new InteractionContext("tv", "en-GB", "Europe/London", LocalTime.of(20, 0)), at);
    }
}
