package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.serde.InteractionRecordedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /me/events through to the real broker: what is accepted is published for the token's user, the rest nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class EventsResourceTest {

    private KafkaConsumer<String, InteractionRecorded> consumer;

    @jakarta.inject.Inject
    io.serenade.gateway.repository.ConsentCache consents;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new InteractionRecordedDeserializer());
        consumer.subscribe(List.of(TestTopics.INTERACTIONS));
        // Join the group and fix the starting offsets before the test publishes anything.
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(p -> consumer.position(p));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aSingleEventIsPublishedKeyedByTheTokensSubject() {
        String alice = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(alice)).contentType(ContentType.JSON)
                .body(event(eventId, "PLAY", "\"value\": 42, \"context\": {\"device\": \"tv\", \"timeZone\": \"Europe/Paris\", \"localTime\": \"21:15\"},"))
                .post("/api/v1/me/events").then().statusCode(202).body("accepted", equalTo(1));

        List<ConsumerRecord<String, InteractionRecorded>> records = drain(1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(alice);
        InteractionRecorded e = records.get(0).value();
        assertThat(e.userId()).isEqualTo(alice);
        assertThat(e.eventId()).isEqualTo(UUID.fromString(eventId));
        assertThat(e.type()).isEqualTo(InteractionType.PLAY);
        assertThat(e.context().timeZone()).isEqualTo("Europe/Paris");
    }

    @Test
    void aBatchOf500IsPublishedWhole() {
        String user = UUID.randomUUID().toString();
        List<String> batch = new ArrayList<>();
        // Compact events: 500 of them must fit the 64 KB body limit (about 128 bytes each).
        String at = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 500; i++) {
            batch.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"titleId\":\"t-" + i + "\",\"type\":\"CLICK\",\"occurredAt\":\"" + at + "\"}");
        }
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body("[" + String.join(",", batch) + "]")
                .post("/api/v1/me/events").then().statusCode(202).body("accepted", equalTo(500));
        List<ConsumerRecord<String, InteractionRecorded>> records = drain(500);
        assertThat(records).hasSize(500).allSatisfy(r -> assertThat(r.key()).isEqualTo(user));
    }

    @Test
    void badEventsAre400ProblemsNamingTheFieldAndPublishNothing() {
        String token = Tokens.newUser();
        String id = UUID.randomUUID().toString();
        rejected(token, "{\"eventId\": ", "body");
        rejected(token, event(id, "WATCHED", ""), "type");
        rejected(token, event(id, "PLAY", "").replace("\"eventId\": \"" + id + "\",", ""), "eventId");
        rejected(token, event("not-a-uuid", "PLAY", ""), "eventId");
        rejected(token, event(id, "PLAY", "").replace("\"titleId\": \"t-1\",", ""), "titleId");
        rejected(token, event(id, "PLAY", "\"userId\": \"someone-else\","), "userId");
        rejected(token, event(id, "RATING", "\"value\": 9,"), "value");
        rejected(token, event(id, "RATING", ""), "value");
        rejected(token, event(id, "PLAY", "\"context\": {\"timeZone\": \"Mars/Base\"},"), "context.timeZone");
        rejected(token, event(id, "PLAY", "").replace(Instant.now().minusSeconds(60).toString().substring(0, 10), "2099-01-01"), "occurredAt");
        rejected(token, "{\"eventId\":\"" + id + "\",\"titleId\":\"t-1\",\"type\":\"PLAY\",\"occurredAt\":\""
                + Instant.now().plus(Duration.ofMinutes(10)) + "\"}", "occurredAt");
        rejected(token, "[]", "body");
        rejected(token, "42", "body");
        rejected(token, "[" + event(id, "PLAY", "") + "," + event(id, "NOPE", "") + "]", "[1].type");

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("{}");
        }
        rejected(token, "[" + String.join(",", tooMany) + "]", "body");

        String huge = "[" + String.join(",", java.util.Collections.nCopies(400, event(id, "SEARCH", "\"query\": \"" + "x".repeat(150) + "\","))) + "]";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(huge).post("/api/v1/me/events")
                .then().statusCode(413).contentType("application/problem+json").body("errors.field", hasItem("body"))
                .body("detail", containsString("65536"));

        assertThat(drain(0)).as("nothing published").isEmpty();
    }

    @Test
    void searchTextIsKeptOnlyWithSearchHistoryGranted() {
        String without = UUID.randomUUID().toString();
        String with = UUID.randomUUID().toString();
        TopicProbe.send(TestTopics.CONSENT_CHANGES, with, new io.serenade.events.ConsentChanged(1, with,
                java.util.Map.of("search-history", io.serenade.events.ConsentState.GRANTED), "search-history", "2025-01", "test", Instant.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                consents.find(with).await().indefinitely() != null);

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        for (String[] userAndEvent : new String[][]{{without, first}, {with, second}}) {
            given().auth().oauth2(Tokens.user(userAndEvent[0])).contentType(ContentType.JSON)
                    .body("[" + search(userAndEvent[1]) + "," + event(UUID.randomUUID().toString(), "PLAY", "") + "]")
                    .post("/api/v1/me/events").then().statusCode(202).body("accepted", equalTo(2));
        }
        List<ConsumerRecord<String, InteractionRecorded>> records = drain(4);
        InteractionRecorded stripped = records.stream().map(ConsumerRecord::value)
                .filter(e -> e.eventId().equals(UUID.fromString(first))).findFirst().orElseThrow();
        assertThat(stripped.type()).isEqualTo(InteractionType.SEARCH);
        assertThat(stripped.userId()).isEqualTo(without);
        assertThat(stripped.query()).as("no search-history: the search is kept, its text is not").isNull();
        assertThat(stripped.context().device()).isEqualTo("tv");
        InteractionRecorded kept = records.stream().map(ConsumerRecord::value)
                .filter(e -> e.eventId().equals(UUID.fromString(second))).findFirst().orElseThrow();
        assertThat(kept.query()).isEqualTo("space opera");
    }

    private static String search(String eventId) {
        return "{\"eventId\": \"" + eventId + "\", \"type\": \"SEARCH\", \"query\": \"space opera\", "
                + "\"context\": {\"device\": \"tv\"}, \"occurredAt\": \"" + Instant.now().minusSeconds(30) + "\"}";
    }

    private static void rejected(String token, String body, String field) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/me/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private static String event(String eventId, String type, String extra) {
        return "{\"eventId\": \"" + eventId + "\", \"titleId\": \"t-1\", \"type\": \"" + type + "\", " + extra
                + " \"occurredAt\": \"" + Instant.now().minusSeconds(60) + "\"}";
    }

    /** Polls until {@code expected} records arrived (or, for 0, for two quiet seconds). */
    private List<ConsumerRecord<String, InteractionRecorded>> drain(int expected) {
        List<ConsumerRecord<String, InteractionRecorded>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + (expected == 0 ? 2000 : 30000);
        while (System.currentTimeMillis() < deadline && (expected == 0 || records.size() < expected)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
