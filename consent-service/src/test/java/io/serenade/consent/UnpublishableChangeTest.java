package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A change whose event the broker does not take is not recorded either: ledger and topic never disagree. */
@QuarkusTest
@TestProfile(UnpublishableChangeTest.MissingTopic.class)
@QuarkusTestResource(TestTopics.class)
class UnpublishableChangeTest {

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
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503));
        assertThat(Consents.ledgerRows(user)).isZero();
        given().get("/internal/users/{u}/consents", user).then()
                .body("purposes.find { it.purpose == 'personalization' }.state", equalTo("NOT_SET"));
    }
}
