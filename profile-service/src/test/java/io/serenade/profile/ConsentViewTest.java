package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The service's own consent view, fed from the real broker: newest change wins, tombstones delete. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static ConsentChanged change(String user, Instant at, Map<String, ConsentState> consents) {
        return new ConsentChanged(0, user, consents, "notifications", "2026-11", "test", at);
    }

    @Test
    void newerChangesApplyOlderOnesDoNotAndATombstoneForgetsTheUser() {
        String user = UUID.randomUUID().toString();
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, change(user, T0, Map.of(
                    "notifications", ConsentState.GRANTED, "personalization", ConsentState.GRANTED,
                    "experimentation", ConsentState.DENIED, "search-history", ConsentState.WITHDRAWN))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/internal/consent-view/{u}", user).then().statusCode(200)
                            .body("userId", equalTo(user))
                            .body("purposes", contains("personalization", "notifications"))
                            .body("changedAt", equalTo("2026-11-01T10:00:00Z"))
                            .body("appliedAt", notNullValue()));

            // Withdrawn later; then a replayed older grant arrives after it and must not undo the withdrawal.
            // All on one partition, so that the marker being applied means the records before it were too.
            String marker = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(60), Map.of(
                    "notifications", ConsentState.WITHDRAWN, "personalization", ConsentState.GRANTED))));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(30), Map.of(
                    "notifications", ConsentState.GRANTED))));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, marker, change(marker, T0, Map.of())));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/internal/consent-view/{u}", marker).then().statusCode(200));
            given().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", contains("personalization"))
                    .body("changedAt", equalTo("2026-11-01T10:01:00Z"));

            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, null));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/internal/consent-view/{u}", user).then().statusCode(404)
                            .contentType("application/problem+json"));
        }
    }

    @Test
    void anUnreadableRecordIsSkippedNotTakenForATombstone() {
        String user = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            // All on one partition, so that the marker being applied means the records before it were too.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(60),
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/internal/consent-view/{u}", user).then().statusCode(200));

            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, "{\"consents\": [oops".getBytes()));
            // Older than what the view holds: ignored, unless the garbage had deleted the row.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0, Map.of())));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, marker, change(marker, T0, Map.of())));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/internal/consent-view/{u}", marker).then().statusCode(200));
            given().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", contains("notifications"))
                    .body("changedAt", equalTo("2026-11-01T10:01:00Z"));
        }
    }

    @Test
    void anUnknownUserIsA404ProblemAndABadIdA400() {
        given().get("/internal/consent-view/{u}", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/internal/consent-view/{u}", "no spaces!").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
    }
}
