package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.InteractionRecorded;
import io.serenade.profile.repository.InteractionRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The service's own consent view, fed from the real broker: newest change wins, tombstones delete, an unknown
 * change clears the grants, a failing batch is retried, and search text follows search-history.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final Pool pool;
    private final InteractionRepository interactions;

    ConsentViewTest(Pool pool, InteractionRepository interactions) {
        this.pool = pool;
        this.interactions = interactions;
    }

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
                    asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
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
                    asOperator().get("/internal/consent-view/{u}", marker).then().statusCode(200));
            asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", contains("personalization"))
                    .body("changedAt", equalTo("2026-11-01T10:01:00Z"));

            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, null));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404)
                            .contentType("application/problem+json"));
        }
    }

    @Test
    void anUnreadableRecordClearsTheGrantsButIsNotTakenForATombstone() {
        String user = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            // All on one partition, so that the marker being applied means the records before it were too.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(60),
                    Map.of("notifications", ConsentState.GRANTED))));
            // Another user whose garbage is followed by a readable, newer change: that change is what holds.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, later, "{\"consents\": [oops".getBytes()));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, later, change(later, T0,
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200));

            // The garbage may have been a withdrawal: unknown means not granted.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, "{\"consents\": [oops".getBytes()));
            // Older than what the view holds: ignored, unless the garbage had deleted the row.
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0,
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, marker, change(marker, T0, Map.of())));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    asOperator().get("/internal/consent-view/{u}", marker).then().statusCode(200));
            // Still there (not an erasure), nothing granted, and changedAt not moved so a newer change still applies.
            asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", empty())
                    .body("changedAt", equalTo("2026-11-01T10:01:00Z"));
            asOperator().get("/internal/consent-view/{u}", later).then().statusCode(200)
                    .body("purposes", contains("notifications"));

            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(120),
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                            .body("purposes", contains("notifications")));
        }
    }

    @Test
    void aChangeWithoutChangedAtClearsTheGrants() {
        String user = UUID.randomUUID().toString();
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0.plusSeconds(60),
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, null,
                    Map.of("notifications", ConsentState.WITHDRAWN))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                            .body("purposes", empty())
                            .body("changedAt", equalTo("2026-11-01T10:01:00Z")));
        }
    }

    @Test
    void aFailingBatchIsRetriedNotSkippedAndTheChannelKeepsGoing() {
        String user = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        // A transient database failure, for this user's row only, until the trigger is dropped. Each attempt
        // counts itself on a sequence, which (unlike a row) survives the attempt's rollback.
        dropFailingTrigger();
        pool.query("CREATE SEQUENCE test_fail_consent_view_calls").execute().await().indefinitely();
        pool.query("""
                CREATE FUNCTION test_fail_consent_view() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM nextval('test_fail_consent_view_calls'); RAISE EXCEPTION 'test: transient failure'; END $$""")
                .execute().await().indefinitely();
        pool.query("""
                CREATE TRIGGER test_fail_consent_view BEFORE INSERT OR UPDATE ON consent_view FOR EACH ROW
                WHEN (NEW.user_id = '%s') EXECUTE FUNCTION test_fail_consent_view()""".formatted(user))
                .execute().await().indefinitely();
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, user, change(user, T0,
                    Map.of("notifications", ConsentState.GRANTED))));
            producer.flush();
            // Attempted again after failing: without retries the channel would have stopped at the first failure.
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts() >= 2);
        } finally {
            dropFailingTrigger();
        }
        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, 0, next, change(next, T0, Map.of())));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                        .body("purposes", contains("notifications"));
                asOperator().get("/internal/consent-view/{u}", next).then().statusCode(200);
            });
        }
    }

    private long attempts() {
        var row = pool.query("SELECT last_value, is_called FROM test_fail_consent_view_calls").execute()
                .await().indefinitely().iterator().next();
        return row.getBoolean("is_called") ? row.getLong("last_value") : 0;
    }

    private void dropFailingTrigger() {
        pool.query("DROP TRIGGER IF EXISTS test_fail_consent_view ON consent_view").execute().await().indefinitely();
        pool.query("DROP FUNCTION IF EXISTS test_fail_consent_view()").execute().await().indefinitely();
        pool.query("DROP SEQUENCE IF EXISTS test_fail_consent_view_calls").execute().await().indefinitely();
    }

    @Test
    void searchTextIsStoredOnlyUnderSearchHistoryAndDroppedWhenItIsWithdrawn() {
        String user = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        String unconsented = UUID.randomUUID().toString();
        TestData.consent(pool, user, "search-history");
        TestData.consent(pool, bystander, "search-history");
        insert(List.of(UserDataTest.search(user, "space opera", T0), UserDataTest.search(bystander, "noir", T0),
                UserDataTest.search(unconsented, "quiet film", T0)));
        assertThat(queries(user)).containsExactly("space opera");
        assertThat(queries(unconsented)).as("no search-history: stored as a bare search").containsExactly((String) null);

        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, change(user, Instant.now(), Map.of(
                    "search-history", ConsentState.WITHDRAWN, "notifications", ConsentState.GRANTED))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> queries(user).equals(Collections.singletonList(null)));
        }
        assertThat(queries(bystander)).containsExactly("noir");
    }

    private List<String> queries(String user) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("SELECT query FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().indefinitely().forEach(r -> out.add(r.getString(0)));
        return out;
    }

    private void insert(List<InteractionRecorded> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> interactions.insertIgnoringDuplicates(events));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnknownUserIsA404ProblemAndABadIdA400() {
        asOperator().get("/internal/consent-view/{u}", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asOperator().get("/internal/consent-view/{u}", "no spaces!").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
    }
}
