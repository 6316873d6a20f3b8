package io.serenade.ranking;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.serde.EventSerializer;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** The home page through the real path: titles via the API, events via the real broker, state in Redis. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class HomeResourceTest {

    private final RedisDataSource redis;

    HomeResourceTest(RedisDataSource redis) {
        this.redis = redis;
    }

    @Test
    void eventsOnTheTopicPersonalizeTheNextHomePageExactlyOnce() {
        String run = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
        String loved = "g" + run, other = "h" + run;
        List<String> lovedTitles = new ArrayList<>();
        // 40 titles a genre: Top picks takes the best 15 of the loved genre, its own row still has enough.
        for (int i = 0; i < 40; i++) {
            lovedTitles.add(putTitle(loved + "-" + i, loved, "13+"));
            putTitle(other + "-" + i, other, "13+");
        }
        putTitle(loved + "-adult", loved, "18+");
        String user = "u-" + run;

        List<InteractionRecorded> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event(user, lovedTitles.get(i), InteractionType.PLAY));
        }
        events.add(event(user, lovedTitles.get(0), InteractionType.COMPLETE));
        send(events);
        send(List.of(events.get(1)));   // redelivered: must not count twice

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath home = given().queryParam("maturity", "16+").queryParam("genre", other)
                    .get("/internal/users/{u}/home", user).then().statusCode(200).extract().jsonPath();
            List<String> rowIds = home.getList("rows.id");
            assertThat(rowIds).contains("top-picks", "genre-" + loved, "genre-" + other);
            assertThat(home.getBoolean("personalized")).isTrue();
            List<String> titleIds = home.getList("rows.items.flatten().titleId");
            assertThat(new HashSet<>(titleIds)).as("no title twice").hasSameSizeAs(titleIds);
            assertThat(titleIds).as("completed").doesNotContain(lovedTitles.get(0))
                    .as("above the maturity asked for").doesNotContain(loved + "-adult");
            assertThat(home.getString("rows.find { it.id == 'genre-" + loved + "' }.items[0].reason.code")).isEqualTo("genre-affinity");
            assertThat(home.getString("rows.find { it.id == 'genre-" + other + "' }.items[0].reason.code")).isEqualTo("stated-interest");
        });
        assertThat(redis.sortedSet(String.class).zscore("test:rk:popularity", lovedTitles.get(1)).getAsDouble())
                .as("a redelivered event counts once").isEqualTo(1.0);
        assertThat(redis.hash(Double.class).hget("test:rk:u:" + user + ":genres", loved)).isEqualTo(6.0 + 2.0);
    }

    @Test
    void badHomeParametersAre400Problems() {
        given().queryParam("maturity", "21+").get("/internal/users/{u}/home", "u1")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("maturity"));
        given().queryParam("genre", "Not A Genre").get("/internal/users/{u}/home", "u1")
                .then().statusCode(400).body("errors.field", hasItem("genre[0]"));
        given().get("/internal/users/{u}/home", "u".repeat(65))
                .then().statusCode(400).body("errors.field", hasItem("userId"));
    }

    private static String putTitle(String id, String genre, String maturity) {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Title " + id, "genres", List.of(genre), "maturityRating", maturity, "releaseYear", 2020))
                .put("/internal/titles/{id}", id).then().statusCode(200);
        return id;
    }

    private static InteractionRecorded event(String user, String title, InteractionType type) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, type, null, null, null, null, null, Instant.now());
    }

    private static void send(List<InteractionRecorded> events) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            events.forEach(e -> producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, e.userId(), e)));
            producer.flush();
        }
    }
}
