package io.serenade.ranking;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The home page through the real path: titles via the API, events and forgets via the real broker, history
 * in PostgreSQL, popularity in Redis, a model trained on demand.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class HomeResourceTest {

    private static final String PERSONALIZATION = "personalization";

    private final RedisDataSource redis;
    private final Pool pool;

    HomeResourceTest(RedisDataSource redis, Pool pool) {
        this.redis = redis;
        this.pool = pool;
    }

    @Test
    void eventsPersonalizeTheNextPageAndAForgottenEventStopsBeingCited() {
        String run = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
        String loved = "g" + run, other = "h" + run;
        List<String> lovedTitles = new ArrayList<>(), otherTitles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lovedTitles.add(putTitle(loved + "-" + i, loved, "13+"));
            otherTitles.add(putTitle(other + "-" + i, other, "13+"));
        }
        putTitle(loved + "-adult", loved, "18+");

        // Twenty other users who like titles of one genre each: what the collaborative model learns from (only users
        // whose personalization is granted in ranking's consent view are). Granted first: the events below must all
        // happen at (almost) the same time.
        TestKafka.grant(IntStream.range(0, 20).mapToObj(u -> "crowd-" + run + "-" + u).toList(), PERSONALIZATION);
        List<InteractionRecorded> events = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            List<String> genre = u % 2 == 0 ? lovedTitles : otherTitles;
            for (int k = 0; k < 8; k++) {
                events.add(event("crowd-" + run + "-" + u, genre.get((u * 3 + k * 5) % 40), InteractionType.PLAY));
            }
        }
        String user = "u-" + run;
        List<InteractionRecorded> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(event(user, lovedTitles.get(i), InteractionType.PLAY));
        }
        mine.add(event(user, lovedTitles.get(0), InteractionType.COMPLETE));
        events.addAll(mine);
        send(events);
        send(List.of(mine.get(1)));   // redelivered: must not count twice

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(history(user)).isEqualTo(mine.size()));
        double growth = Math.pow(2, Duration.between(Instant.parse("2026-01-01T00:00:00Z"), mine.get(1).occurredAt()).toSeconds()
                / (double) Duration.ofDays(7).toSeconds());
        assertThat(redis.sortedSet(String.class).zscore("test:rk:popularity", lovedTitles.get(1)).getAsDouble() / growth)
                .as("a redelivered event counts once (forward-decayed units)").isCloseTo(1.0 + countOthers(events, user, lovedTitles.get(1)), within(1e-6));

        asGateway().post("/internal/models/training").then().statusCode(202).body("state", equalTo("running"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asGateway().get("/internal/models/training").then().body("state", equalTo("idle")).body("servingModelId", notNullValue()));
        asGateway().get("/internal/models").then().statusCode(200)
                .body("[0].status", equalTo("ready"))
                .body("[0].metrics.heldOutUsers", notNullValue());

        JsonPath home = home(user, PERSONALIZATION, "16+");
        assertThat(home.getBoolean("personalized")).isTrue();
        assertThat(home.getString("modelId")).isNotNull();
        // Only a valid token signed for this user grants anything: a bare list, a tampered, expired or forged token,
        // or another user's, gets the page of someone who allowed nothing.
        String crowdUser = "crowd-" + run + "-0";
        for (String header : List.of(PERSONALIZATION, Tokens.tampered(user, PERSONALIZATION), Tokens.expired(user, PERSONALIZATION),
                Tokens.forged(user, PERSONALIZATION), Tokens.grant(crowdUser, PERSONALIZATION))) {
            JsonPath page = asGateway().queryParam("maturity", "16+").header(GrantedPurposes.HEADER, header)
                    .get("/internal/users/{u}/home", user).then().statusCode(200).extract().jsonPath();
            assertThat(page.getBoolean("personalized")).as(header).isFalse();
            assertThat(page.getString("notice")).contains("personalization");
            assertThat(page.getList("rows.items.flatten().reason.personal", Boolean.class)).doesNotContain(true);
            assertThat(page.getList("rows.items.flatten().explanation")).allMatch(java.util.Objects::isNull);
        }
        List<String> rowIds = home.getList("rows.id");
        assertThat(rowIds).contains("top-picks", "trending");
        List<String> titleIds = home.getList("rows.items.flatten().titleId");
        assertThat(new HashSet<>(titleIds)).as("no title twice").hasSameSizeAs(titleIds);
        assertThat(titleIds).as("completed").doesNotContain(lovedTitles.get(0))
                .as("above the maturity asked for").doesNotContain(loved + "-adult");
        List<String> topPicks = home.getList("rows.find { it.id == 'top-picks' }.items.titleId");
        assertThat(topPicks.get(0)).as("the loved genre leads").startsWith(loved);
        Map<String, Object> explanation = home.getMap("rows[0].items[0].explanation");
        assertThat(explanation).containsKeys("personalScore", "because", "otherShare");

        // Forget the event cited first; the next pages must neither cite it nor score as before.
        String cited = home.getString("rows[0].items[0].explanation.because[0].eventId");
        InteractionRecorded forgotten = mine.stream().filter(e -> e.eventId().toString().equals(cited)).findFirst().orElseThrow();
        sendForget(new InteractionForgotten(0, forgotten.eventId(), user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath next = home(user, PERSONALIZATION, "16+");
            List<String> citedNow = next.getList("rows.items.flatten().explanation.because.flatten().eventId");
            assertThat(citedNow).isNotEmpty().doesNotContain(cited);
        });
        assertThat(history(user)).isEqualTo(mine.size() - 1);
        send(List.of(forgotten));   // a redelivered copy of the forgotten event stays forgotten
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> history(user) == mine.size() - 1);
    }

    @Test
    void withoutThePersonalizationPurposeTheHistoryIsNotUsedAndThePageSaysSo() {
        String user = "u-" + UUID.randomUUID();
        send(List.of(event(user, "t-1", InteractionType.PLAY)));
        for (String purposes : new String[] {null, "", "artwork-personalization", "made-up"}) {
            JsonPath page = home(user, purposes, "all");
            assertThat(page.getBoolean("personalized")).as("purposes %s", purposes).isFalse();
            assertThat(page.getString("notice")).contains("personalization");
            assertThat(page.getList("rows.items.flatten().reason.personal", Boolean.class)).doesNotContain(true);
        }
    }

    @Test
    void badHomeParametersAre400Problems() {
        asGateway().queryParam("maturity", "21+").get("/internal/users/{u}/home", "u1")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("maturity"));
        asGateway().queryParam("genre", "Not A Genre").get("/internal/users/{u}/home", "u1")
                .then().statusCode(400).body("errors.field", hasItem("genre[0]"));
        asGateway().get("/internal/users/{u}/home", "u".repeat(65))
                .then().statusCode(400).body("errors.field", hasItem("userId"));
        for (String bad : new String[] {"1.5", "-0.1", "abc", "0.12345", "1e-1"}) {
            asGateway().queryParam("diversity", bad).get("/internal/users/{u}/home", "u1")
                    .then().statusCode(400).body("errors.field", hasItem("diversity"));
        }
    }

    private static JsonPath home(String user, String purposes, String maturity) {
        var request = asGateway().queryParam("maturity", maturity);
        if (purposes != null) {
            request = request.header(GrantedPurposes.HEADER, Tokens.grant(user, purposes));
        }
        return request.get("/internal/users/{u}/home", user).then().statusCode(200).extract().jsonPath();
    }

    private static long countOthers(List<InteractionRecorded> events, String user, String title) {
        // Other users' plays of the same title happened at (almost) the same time; each adds one unit too.
        return events.stream().filter(e -> !e.userId().equals(user) && e.titleId().equals(title)).count();
    }

    private long history(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static String putTitle(String id, String genre, String maturity) {
        asGateway().contentType(ContentType.JSON)
                .body(Map.of("name", "Title " + id, "genres", List.of(genre), "maturityRating", maturity, "releaseYear", 2020))
                .put("/internal/titles/{id}", id).then().statusCode(200);
        return id;
    }

    private static InteractionRecorded event(String user, String title, InteractionType type) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, type, null, null, null, null, null, Instant.now());
    }

    private static void send(List<InteractionRecorded> events) {
        try (KafkaProducer<String, Object> producer = producer()) {
            events.forEach(e -> producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, e.userId(), e)));
            producer.flush();
        }
    }

    private static void sendForget(InteractionForgotten forget) {
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(new ProducerRecord<>(TestTopics.FORGOTTEN, forget.userId(), forget));
            producer.flush();
        }
    }

    private static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class));
    }
}
