package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.gateway.repository.ConsentCache;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consent cache against the real Redis and broker: the topic feeds it (a tombstone empties it), a miss is
 * filled from consent-service, only a newer change overwrites, and a user's own change is cached at once.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class ConsentCacheTest extends StubbedServicesTest {

    @Inject
    Redis redis;

    @Inject
    ConsentCache cache;

    @Test
    void topicChangesReachTheCacheAndTheNextRequestObeysThem() {
        String user = UUID.randomUUID().toString();
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TopicProbe.send(TestTopics.CONSENT_CHANGES, user, changed(user, t1, Map.of(Purposes.PERSONALIZATION, ConsentState.GRANTED)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "personalization".equals(entry(user).get("purposes")));
        assertThat(entry(user)).containsEntry("changedAt", String.valueOf(micros(t1))).containsKey("appliedAt");

        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(SignedPurposes.verify(stub.only("GET", "/internal/users/" + user + "/home").purposes(), user))
                .isEqualTo(SignedPurposes.of(Purposes.PERSONALIZATION));
        assertThat(stub.calls("GET", "/internal/users/" + user + "/consents")).as("answered by the cache").isEmpty();

        Instant t2 = t1.plusMillis(5);
        TopicProbe.send(TestTopics.CONSENT_CHANGES, user, changed(user, t2, Map.of(Purposes.PERSONALIZATION, ConsentState.WITHDRAWN)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "".equals(entry(user).get("purposes")));
        stub.reset();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(SignedPurposes.verify(stub.only("GET", "/internal/users/" + user + "/home").purposes(), user))
                .isEqualTo(GrantedPurposes.NONE);
        assertThat(stub.calls("GET", "/internal/users/" + user + "/consents")).isEmpty();
    }

    @Test
    void aTombstoneLeavesAMarkerThatAnOlderRefillCannotOverwrite() {
        String user = UUID.randomUUID().toString();
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TopicProbe.send(TestTopics.CONSENT_CHANGES, user, changed(user, granted, Map.of(Purposes.SEARCH_HISTORY, ConsentState.GRANTED)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !entry(user).isEmpty());
        TopicProbe.send(TestTopics.CONSENT_CHANGES, user, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "".equals(entry(user).get("purposes")));
        assertThat(ttl(user)).as("a marker, not a 24 h entry").isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());

        // A consent-service read of the ledger made before the erasure, landing after the tombstone: refused.
        assertThat(cache.putIfNewer(user, SignedPurposes.of(Purposes.SEARCH_HISTORY), granted).await().indefinitely()).isFalse();
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);

        // The erasure request comes after its tombstone: its receipt still counts the entry the tombstone emptied, once.
        assertThat(cache.erase(user).await().indefinitely()).containsExactly(cache.key(user));
        assertThat(cache.erase(user).await().indefinitely()).as("a repeated request").isEmpty();
    }

    @Test
    void aNotificationDecisionLooksUpNoConsentAndSendsNoPurposes() {
        String user = UUID.randomUUID().toString();
        // profile-service may take ~1.5 s to publish the decision before answering: more than the old 2 s budget allows for.
        stub.on("POST", "/internal/notifications/decisions", (m, r) -> {
            try {
                Thread.sleep(2300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StubServices.Answer.ok("{\"decision\": \"ALLOW\", \"reason\": \"allowed\", \"decidedAt\": \"2025-03-01T10:00:00Z\"}");
        });
        given().auth().oauth2(Tokens.notifier(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"userId\": \"" + user + "\", \"kind\": \"new-episode\", \"urgency\": \"LOW\"}")
                .post("/api/v1/notifications/decisions").then().statusCode(200);
        assertThat(stub.only("POST", "/internal/notifications/decisions").purposes()).as("no purposes token").isNull();
        assertThat(stub.calls("GET", "/internal/users/" + user + "/consents")).as("no consent lookup").isEmpty();
        assertThat(entry(user)).as("no cache entry under the sender's id").isEmpty();
    }

    @Test
    void aMissIsFilledFromConsentServiceAsOfItsNewestChangeAndANewerTopicChangeStillWins() {
        String user = UUID.randomUUID().toString();
        stub.granted = Set.of(Purposes.PERSONALIZATION);
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        stub.only("GET", "/internal/users/" + user + "/consents");
        assertThat(entry(user)).containsEntry("purposes", "personalization")
                .containsEntry("changedAt", String.valueOf(micros(Instant.parse(StubServices.UPDATED_AT))));

        Instant withdrawn = Instant.parse(StubServices.UPDATED_AT).plusSeconds(60);
        TopicProbe.send(TestTopics.CONSENT_CHANGES, user, changed(user, withdrawn, Map.of(Purposes.PERSONALIZATION, ConsentState.WITHDRAWN)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "".equals(entry(user).get("purposes")));

        // A REST read that started before the withdrawal and lands after it: refused, the withdrawal stays.
        assertThat(cache.putIfNewer(user, SignedPurposes.of(Purposes.PERSONALIZATION), Instant.parse(StubServices.UPDATED_AT))
                .await().indefinitely()).isFalse();
        assertThat(entry(user)).containsEntry("purposes", "");
    }

    @Test
    void onlyANewerChangeOverwrites() {
        String user = UUID.randomUUID().toString();
        Instant t = Instant.parse("2026-01-01T00:00:00.000001Z");
        assertThat(cache.putIfNewer(user, SignedPurposes.of(Purposes.NOTIFICATIONS), t).await().indefinitely()).isTrue();
        assertThat(cache.putIfNewer(user, GrantedPurposes.NONE, t.minusNanos(1000)).await().indefinitely()).isFalse();
        assertThat(cache.putIfNewer(user, GrantedPurposes.NONE, t).await().indefinitely()).as("same change").isFalse();
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(SignedPurposes.of(Purposes.NOTIFICATIONS));
        assertThat(cache.putIfNewer(user, GrantedPurposes.NONE, t.plusNanos(1000)).await().indefinitely()).isTrue();
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(ttl(user)).as("entries expire").isPositive();
        assertThat(cache.erase(user).await().indefinitely()).containsExactly(cache.key(user));
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(cache.putIfNewer(user, SignedPurposes.of(Purposes.NOTIFICATIONS), t.plusNanos(2000)).await().indefinitely())
                .as("older than the erasure").isFalse();
        assertThat(cache.erase(user).await().indefinitely()).as("the marker holds nothing to erase").isEmpty();
    }

    @Test
    void theUsersOwnChangeIsCachedAtOnce() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(entry(user).get("purposes")).contains(Purposes.PERSONALIZATION);

        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"consents\": {\"personalization\": \"WITHDRAWN\", \"assistant-context\": \"GRANTED\"}}")
                .put("/api/v1/me/consents").then().statusCode(200);
        // No waiting: the answer to the PUT is in the cache before the client hears it.
        assertThat(entry(user)).containsEntry("purposes", "assistant-context");
        stub.reset();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(SignedPurposes.verify(stub.only("GET", "/internal/users/" + user + "/home").purposes(), user))
                .isEqualTo(SignedPurposes.of(Purposes.ASSISTANT_CONTEXT));
    }

    @Test
    void aConsentChangeThatFailsIsNotCached() {
        String user = UUID.randomUUID().toString();
        stub.on("PUT", "/internal/users/[^/]+/consents", (m, r) -> StubServices.Answer.problem(400, "unknown purpose"));
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"consents\": {\"sell\": \"GRANTED\"}}").put("/api/v1/me/consents")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(entry(user)).isEmpty();
    }

    private static ConsentChanged changed(String user, Instant at, Map<String, ConsentState> states) {
        return new ConsentChanged(ConsentChanged.VERSION, user, states, String.join(",", states.keySet()), "2025-01", "test", at);
    }

    private Map<String, String> entry(String user) {
        String[] fields = {"purposes", "changedAt", "appliedAt"};
        Response reply = redis.send(Request.cmd(Command.HMGET).arg(cache.key(user)).arg(fields[0]).arg(fields[1]).arg(fields[2]))
                .await().indefinitely();
        Map<String, String> entry = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (reply.get(i) != null) {
                entry.put(fields[i], reply.get(i).toString());
            }
        }
        return entry;
    }

    private long ttl(String user) {
        return redis.send(Request.cmd(Command.PTTL).arg(cache.key(user))).await().indefinitely().toLong();
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
