package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.serde.ErasureReceiptDeserializer;
import io.serenade.kit.identity.Pseudonyms;
import io.serenade.profile.repository.InteractionRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Erasure from the real broker: every table emptied for the user alone, answered with a checkable receipt. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ErasureTest {

    private static final List<String> TABLES = List.of("profiles", "interactions", "forgotten_events", "consent_view",
            "notification_settings", "notification_decisions");

    private final InteractionRepository interactions;
    private final Pool pool;
    private final Pseudonyms pseudonyms;

    ErasureTest(InteractionRepository interactions, Pool pool, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.interactions = interactions;
        this.pool = pool;
    }

    /** Data in every table; returns the digest ids the erasure must report. */
    private List<String> seed(String user) {
        asGateway().contentType(ContentType.JSON).body("""
                        {"locale":"en-GB","timeZone":"UTC","maturityRating":"all","favouriteGenres":[]}""")
                .put("/internal/users/{u}/profile", user).then().statusCode(200);
        asGateway().contentType(ContentType.JSON).body("{\"perDay\":2,\"perWeek\":5,\"quietStart\":\"12:00\",\"quietEnd\":\"12:00\"}")
                .put("/internal/users/{u}/notifications/settings", user).then().statusCode(200);
        TestData.consent(pool, user, "notifications");
        List<InteractionRecorded> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(InteractionRepositoryTest.event(user, "t-" + i, Instant.parse("2026-10-01T10:00:00Z").plusSeconds(i)));
        }
        events.add(UserDataTest.search(user, "quiet film", Instant.parse("2026-10-02T10:00:00Z")));
        insert(events);
        asGateway().delete("/internal/users/{u}/history/{e}", user, events.get(0).eventId()).then().statusCode(204);
        String decision = asGateway().contentType(ContentType.JSON)
                .body("{\"userId\":\"%s\",\"kind\":\"new-episode\",\"urgency\":\"NORMAL\"}".formatted(user))
                .post("/internal/notifications/decisions").then().statusCode(200).extract().path("id");

        List<String> ids = new ArrayList<>();
        events.subList(1, events.size()).forEach(e -> ids.add("interactions:" + e.eventId()));
        ids.add("forgotten_events:" + events.get(0).eventId());
        ids.add("profiles:" + user);
        ids.add("consent_view:" + user);
        ids.add("notification_settings:" + user);
        ids.add("notification_decisions:" + decision);
        return ids;
    }

    @Test
    void erasureDeletesEveryRowOfTheUserAloneAndAnswersWithAReceipt() {
        String user = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        List<String> expectedIds = seed(user);
        seed(bystander);

        UUID erasureId = UUID.randomUUID();
        try (KafkaConsumer<String, ErasureReceipt> receipts = TestData.consumer(TestTopics.ERASURE_RECEIPTS, ErasureReceiptDeserializer.class);
             KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user,
                    new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            ErasureReceipt receipt = awaitReceipt(receipts, erasureId);

            assertThat(receipt.service()).isEqualTo("profile-service");
            assertThat(receipt.userId()).isEqualTo(user);
            assertThat(receipt.completedAt()).isNotNull();
            assertThat(receipt.deletedPerStore()).isEqualTo(Map.of(
                    "postgresql:profiles", 1L, "postgresql:interactions", 50L, "postgresql:forgotten_events", 1L,
                    "postgresql:consent_view", 1L, "postgresql:notification_settings", 1L,
                    "postgresql:notification_decisions", 1L));
            assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(erasureId, expectedIds));
            for (String table : TABLES) {
                assertThat(TestData.count(pool, table, user)).as(table).isZero();
                assertThat(TestData.count(pool, table, bystander)).as("bystander's " + table).isPositive();
            }
            asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404);
            asConsent().get("/internal/users/{u}/data", user).then().statusCode(200)
                    .body("holdings.size()", equalTo(0));

            // The same request again (consent-service retrying): nothing left to delete, answered all the same.
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user,
                    new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            ErasureReceipt again = awaitReceipt(receipts, erasureId);
            assertThat(again.deletedPerStore().values()).containsOnly(0L);
            assertThat(again.deletedPerStore()).hasSize(6);
            assertThat(again.digest()).isEqualTo(ErasureDigest.of(erasureId, List.of()));
        }
    }

    /**
     * consent-service publishes the erasure's consent tombstone before its request: the view is gone when the request
     * comes, and the receipt still counts it, as what the member had when the erasure began.
     */
    @Test
    void theReceiptCountsTheConsentViewTheTombstoneRemovedBeforeTheRequest() {
        String user = UUID.randomUUID().toString();
        List<String> expectedIds = new ArrayList<>(seed(user));
        expectedIds.remove("consent_view:" + user);
        expectedIds.add("tombstone:postgresql:consent_view");

        UUID erasureId = UUID.randomUUID();
        try (KafkaConsumer<String, ErasureReceipt> receipts = TestData.consumer(TestTopics.ERASURE_RECEIPTS, ErasureReceiptDeserializer.class);
             KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, null));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> TestData.count(pool, "consent_view", user) == 0);
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            ErasureReceipt receipt = awaitReceipt(receipts, erasureId);

            assertThat(receipt.deletedPerStore()).containsEntry("postgresql:consent_view", 1L)
                    .containsEntry("postgresql:interactions", 50L);
            assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(erasureId, expectedIds));
            assertThat(TestData.count(pool, "erasure_tally", user)).as("the tally goes with the rest").isZero();
        }
    }

    @Test
    void anInteractionArrivingAfterErasureIsNewDataAndStoredNormally() {
        String user = UUID.randomUUID().toString();
        seed(user);
        UUID erasureId = UUID.randomUUID();
        try (KafkaConsumer<String, ErasureReceipt> receipts = TestData.consumer(TestTopics.ERASURE_RECEIPTS, ErasureReceiptDeserializer.class);
             KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            awaitReceipt(receipts, erasureId);

            InteractionRecorded late = InteractionRepositoryTest.event(user, "t-late", Instant.now());
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, late));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> TestData.count(pool, "interactions", user) == 1);
            assertThat(pool.preparedQuery("SELECT title_id FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                    .await().indefinitely().iterator().next().getString(0)).isEqualTo("t-late");
        }
    }

    @Test
    void anEventInFlightFromBeforeTheErasureIsNotStoredAgainButANewerOneIs() throws Exception {
        String user = UUID.randomUUID().toString();
        seed(user);
        Instant beforeErasure = Instant.now().minusSeconds(60);
        UUID erasureId = UUID.randomUUID();
        try (KafkaConsumer<String, ErasureReceipt> receipts = TestData.consumer(TestTopics.ERASURE_RECEIPTS, ErasureReceiptDeserializer.class);
             KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            awaitReceipt(receipts, erasureId);

            // The marker holds the keyed pseudonym of the id: never the id, nor its plain hash (which anyone could
            // compute from a list of candidate ids).
            String plainHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, Long> expected : Map.of(pseudonyms.of(user), 1L, plainHash, 0L, user, 0L).entrySet()) {
                assertThat(pool.preparedQuery("SELECT count(*) FROM erased_users WHERE user_hash = $1").execute(Tuple.of(expected.getKey()))
                        .await().indefinitely().iterator().next().getLong(0)).as(expected.getKey()).isEqualTo(expected.getValue());
            }

            // Same key, so same partition and in this order: once the newer one is stored, the older was handled.
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, InteractionRepositoryTest.event(user, "t-in-flight", beforeErasure)));
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, InteractionRepositoryTest.event(user, "t-new", Instant.now().plusSeconds(1))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> TestData.count(pool, "interactions", user) >= 1);
            List<String> titles = new ArrayList<>();
            pool.preparedQuery("SELECT title_id FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                    .await().indefinitely().forEach(r -> titles.add(r.getString(0)));
            assertThat(titles).containsExactly("t-new");
        }
    }

    @Test
    void anUnreadableRequestIsSkippedAndTheNextOneStillAnswered() {
        String user = UUID.randomUUID().toString();
        UUID erasureId = UUID.randomUUID();
        try (KafkaConsumer<String, ErasureReceipt> receipts = TestData.consumer(TestTopics.ERASURE_RECEIPTS, ErasureReceiptDeserializer.class);
             KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user, "not json".getBytes()));
            producer.send(new ProducerRecord<>(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now())));
            producer.flush();
            assertThat(awaitReceipt(receipts, erasureId).deletedPerStore().values()).containsOnly(0L);
        }
    }

    private static ErasureReceipt awaitReceipt(KafkaConsumer<String, ErasureReceipt> consumer, UUID erasureId) {
        List<ErasureReceipt> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (ConsumerRecord<String, ErasureReceipt> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() != null && erasureId.equals(r.value().erasureId())) {
                    found.add(r.value());
                }
            }
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void insert(List<InteractionRecorded> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> interactions.insertIgnoringDuplicates(events));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
