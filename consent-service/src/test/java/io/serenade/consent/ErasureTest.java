package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.events.serde.ConsentChangedDeserializer;
import io.serenade.events.serde.ErasureRequestedDeserializer;
import io.serenade.kit.identity.Pseudonyms;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Erasure orchestration against the real PostgreSQL and Kafka: consent-service's own part, requests and receipts. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ErasureTest {

    private final Pool pool;

    private final Pseudonyms pseudonyms;

    ErasureTest(Pool pool, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.pool = pool;
    }

    @Test
    void anErasureDeletesConsentServicesOwnDataAtOnceAndAsksEveryServiceForTheirs() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\",\"notifications\":\"DENIED\"}}").statusCode(200);
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "r-1", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DataUseTest.total(user) == 1);
        String export = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");

        UUID id;
        try (Kafka.Tail<ErasureRequested> requests = new Kafka.Tail<>(TestTopics.ERASURE_REQUESTS, ErasureRequestedDeserializer.class);
             Kafka.Tail<ConsentChanged> consents = new Kafka.Tail<>(TestTopics.CONSENT_CHANGES, ConsentChangedDeserializer.class)) {
            var started = asGateway().post("/internal/users/{u}/erasure", user).then().statusCode(202)
                    .body("status", equalTo("RUNNING"))
                    .body("requestedAt", notNullValue())
                    .body("completedAt", nullValue())
                    .body("digest", nullValue())
                    .body("services.keySet()", contains(Services.HOLDING_PERSONAL_DATA.toArray()))
                    .body("services.'consent-service'.status", equalTo("DONE"))
                    .body("services.'consent-service'.deletedPerStore.'postgresql:consent_ledger'", equalTo(2))
                    .body("services.'consent-service'.deletedPerStore.'postgresql:data_use'", equalTo(1))
                    .body("services.'consent-service'.deletedPerStore.'postgresql:exports'", equalTo(1))
                    .body("services.'consent-service'.deletedPerStore", not(hasKey("kafka:consent-changes")))
                    // Written at once, gone only once compacted: the receipt says so instead of "deleted".
                    .body("services.'consent-service'.pending.'kafka:consent-changes'", startsWith("compaction pending until "))
                    .body("services.'consent-service'.digest", startsWith("sha256:"))
                    .body("services.gateway.status", equalTo("PENDING"))
                    .body("services.gateway.digest", nullValue())
                    .body("missing", contains(Erasures.OTHERS.toArray()))
                    .extract();
            id = UUID.fromString(started.path("id"));
            assertThat(started.header("Location")).endsWith("/internal/users/" + user + "/erasure/" + id);

            ConsumerRecord<String, ErasureRequested> request = requests.await(user, r -> id.equals(r.value().erasureId()), 1).get(0);
            assertThat(request.value().userId()).isEqualTo(user);
            assertThat(request.value().requestedAt()).isNotNull();
            consents.await(user, r -> r.value() == null, 1); // the tombstone
        }

        asGateway().get("/internal/users/{u}/consents", user).then().statusCode(200)
                .body("purposes.state", everyItem(equalTo("NOT_SET")));
        assertThat(Consents.ledgerRows(user)).isZero();
        assertThat(DataUseTest.total(user)).isZero();
        asGateway().get("/internal/users/{u}/exports/{id}", user, export).then().statusCode(404);
        Erasures.answerAll(user, id);
    }

    @Test
    void receiptsFromEveryServiceCompleteTheErasureAndTheUserIdIsForgotten() {
        String user = Consents.user();
        UUID id = Erasures.start(user);
        // A receipt naming another user, and one from a service that is not one, are not this erasure's.
        Kafka.send(TestTopics.ERASURE_RECEIPTS, "someone", Erasures.receipt(id, "someone", Services.PROFILE, 99));
        Kafka.send(TestTopics.ERASURE_RECEIPTS, user, Erasures.receipt(id, user, "mallory-service", 1));
        ErasureReceipt profile = new ErasureReceipt(ErasureReceipt.VERSION, id, user, Services.PROFILE,
                Map.of("postgresql:interactions", 1000L, "postgresql:profiles", 1L), Instant.now(),
                ErasureDigest.of(id, List.of("interactions/1", "profiles/1")));
        Kafka.send(TestTopics.ERASURE_RECEIPTS, user, profile);
        for (String service : List.of(Services.GATEWAY, Services.RANKING, Services.ARTWORK)) {
            Kafka.send(TestTopics.ERASURE_RECEIPTS, user, Erasures.receipt(id, user, service, 3));
        }
        Erasures.awaitStatus(user, id, "DONE");

        asGateway().get("/internal/users/{u}/erasure/{id}", user, id).then().statusCode(200)
                .body("completedAt", notNullValue())
                .body("missing", empty())
                .body("digest", startsWith("sha256:"))
                .body("services.keySet()", contains(Services.HOLDING_PERSONAL_DATA.toArray()))
                .body("services.values().status", everyItem(equalTo("DONE")))
                .body("services.'profile-service'.deletedPerStore.'postgresql:interactions'", equalTo(1000))
                .body("services.'profile-service'.digest", equalTo(profile.digest()))
                .body("services.keySet()", org.hamcrest.Matchers.not(hasItem("mallory-service")));

        Row row = pool.preparedQuery("SELECT user_id, user_hash FROM erasures WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(row.getString("user_id")).as("the user id is forgotten").isNull();
        assertThat(row.getString("user_hash")).doesNotContain(user)
                .as("the keyed pseudonym, not a plain hash anyone could compute from the id").isEqualTo(pseudonyms.of(user))
                .isNotEqualTo(HexFormat.of().formatHex(sha256(user)));
        long receipts = pool.preparedQuery("SELECT count(*) FROM erasure_receipts WHERE erasure_id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertThat(receipts).isEqualTo(Services.HOLDING_PERSONAL_DATA.size());
    }

    @Test
    void theReceiptIsOnlyTheUsersOwnBeforeAndAfterCompletion() {
        String user = Consents.user();
        String other = Consents.user();
        UUID id = Erasures.start(user);
        asGateway().get("/internal/users/{u}/erasure/{id}", other, id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Erasures.answerAll(user, id);
        asGateway().get("/internal/users/{u}/erasure/{id}", user, id).then().statusCode(200).body("id", equalTo(id.toString()));
        asGateway().get("/internal/users/{u}/erasure/{id}", other, id).then().statusCode(404)
                .contentType("application/problem+json");
        asGateway().get("/internal/users/{u}/erasure/{id}", user, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSecondRequestWhileOneRunsGetsTheRunningOne() {
        String user = Consents.user();
        UUID id = Erasures.start(user);
        assertThat(Erasures.start(user)).isEqualTo(id);
        Erasures.answerAll(user, id);
        UUID next = Erasures.start(user);
        assertThat(next).as("a completed erasure does not block a new one").isNotEqualTo(id);
        Erasures.answerAll(user, next);
    }

    @Test
    void aDataUseRecordStillInFlightWhenTheUserIsErasedIsNotStored() {
        String user = Consents.user();
        Instant before = Instant.now().minusSeconds(5);
        UUID id = Erasures.start(user);
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "in-flight", before));
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "after", Instant.now().plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> DataUseTest.total(user) == 1);
        asGateway().get("/internal/users/{u}/data-use", user).then().body("items.requestId", contains("after"));
        Erasures.answerAll(user, id);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        asGateway().post("/internal/users/{u}/erasure", "bad user").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        asGateway().get("/internal/users/{u}/erasure/{id}", "u1", "nope").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        asGateway().get("/internal/users/{u}/erasure/{id}", "x".repeat(65), UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
