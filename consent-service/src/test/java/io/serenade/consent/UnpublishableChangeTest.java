package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.serenade.kit.testing.LogCapture;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A change whose event the broker does not take is not recorded either: ledger and topic never disagree. Nor is
 * an erasure whose tombstone the broker does not take: the topic would still hold the user's consent.
 */
@QuarkusTest
@TestProfile(UnpublishableChangeTest.MissingTopic.class)
@QuarkusTestResource(TestTopics.class)
class UnpublishableChangeTest {

    private final Pool pool;

    UnpublishableChangeTest(Pool pool) {
        this.pool = pool;
    }

    /** The broker does not auto-create topics, so every send to this one fails once max.block.ms has passed. */
    public static class MissingTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.consent-changes.topic", "test-consent-no-such-topic",
                    "mp.messaging.outgoing.consent-changes.max.block.ms", "1000");
        }
    }

    @Test
    void aChangeThatCannotBePublishedIsA503AndAppendsNothing() {
        String user = Consents.user();
        List<String> warnings;
        try (LogCapture logs = LogCapture.start()) {
            Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503));
            warnings = logs.lines(LogCapture::ownWarning);
        }
        // Personal data stays out of WARN and above: the rollback is logged, the user is not named.
        assertThat(warnings).anyMatch(w -> w.contains("rolled back"));
        assertThat(warnings).noneMatch(w -> w.contains(user));
        assertThat(Consents.ledgerRows(user)).isZero();
        asGateway().get("/internal/users/{u}/consents", user).then()
                .body("purposes.find { it.purpose == 'personalization' }.state", equalTo("NOT_SET"));
    }

    @Test
    void anErasureWhoseTombstoneCannotBePublishedIsA503AndErasesNothing() {
        String user = Consents.user();
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "r-1", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DataUseTest.total(user) == 1);

        asGateway().post("/internal/users/{u}/erasure", user).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503));
        assertThat(DataUseTest.total(user)).as("nothing erased").isEqualTo(1);
        long erasures = pool.preparedQuery("SELECT count(*) FROM erasures WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertThat(erasures).as("nothing recorded").isZero();
    }
}
