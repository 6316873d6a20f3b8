package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.serenade.events.ErasureRequested;
import io.serenade.events.serde.ErasureRequestedDeserializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Services that do not answer are asked again, then reported missing; their late answers still complete the erasure. */
@QuarkusTest
@TestProfile(ErasureRetryTest.QuickRetries.class)
@QuarkusTestResource(TestTopics.class)
class ErasureRetryTest {

    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serenade.consent.erasure.retry-every", "1s",
                    "serenade.consent.erasure.retry-after", "1s",
                    "serenade.consent.erasure.max-attempts", "2",
                    "serenade.consent.erasure.failed-retry-after", "1h");
        }
    }

    @Test
    void unansweredServicesAreAskedAgainThenReportedMissingAndLateReceiptsStillComplete() {
        String user = Consents.user();
        UUID id;
        try (Kafka.Tail<ErasureRequested> requests = new Kafka.Tail<>(TestTopics.ERASURE_REQUESTS, ErasureRequestedDeserializer.class)) {
            id = Erasures.start(user);
            UUID erasure = id;
            requests.await(user, r -> erasure.equals(r.value().erasureId()), 3); // the request and two more
        }
        Erasures.awaitStatus(user, id, "FAILED");
        asGateway().get("/internal/users/{u}/erasure/{id}", user, id).then().statusCode(200)
                .body("missing", contains(Erasures.OTHERS.toArray()))
                .body("attempts", greaterThanOrEqualTo(3))
                .body("services.'consent-service'.status", org.hamcrest.Matchers.equalTo("DONE"));

        Erasures.answerAll(user, id);
    }
}
