package io.serenade.consent;

import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.Services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.awaitility.Awaitility.await;

/** Test helpers for erasures: start one through the API, answer it as the other services would. */
final class Erasures {

    /** The services other than consent-service, which answers its own part at once. */
    static final List<String> OTHERS = Services.HOLDING_PERSONAL_DATA.stream().filter(s -> !s.equals(Services.CONSENT)).toList();

    private Erasures() {
    }

    static UUID start(String user) {
        return UUID.fromString(asGateway().post("/internal/users/{u}/erasure", user).then().statusCode(202).extract().path("id"));
    }

    static ErasureReceipt receipt(UUID erasureId, String user, String service, long deleted) {
        return new ErasureReceipt(ErasureReceipt.VERSION, erasureId, user, service, Map.of("postgresql:things", deleted),
                Instant.now(), ErasureDigest.of(erasureId, List.of(service + "/1")));
    }

    /** Sends every other service's receipt and waits until the erasure is DONE. */
    static void answerAll(String user, UUID erasureId) {
        OTHERS.forEach(s -> Kafka.send(TestTopics.ERASURE_RECEIPTS, user, receipt(erasureId, user, s, 1)));
        awaitStatus(user, erasureId, "DONE");
    }

    static void awaitStatus(String user, UUID erasureId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(asGateway().get("/internal/users/{u}/erasure/{id}", user, erasureId).then().statusCode(200)
                        .extract().path("status")));
    }
}
