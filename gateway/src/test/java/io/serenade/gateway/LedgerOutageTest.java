package io.serenade.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Fail closed on the ledger: with the data-use topic's broker unreachable, no response that used personal data goes
 * out. Pages and search are served again with nothing granted and a notice saying why; the assistant context, which
 * has no non-personal version, is a 503 problem. Each refusal is counted.
 */
@QuarkusTest
@TestProfile(LedgerOutageTest.LedgerBrokerDown.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class LedgerOutageTest extends StubbedServicesTest {

    /** The data-use channel alone points at a port where no broker listens; every other channel is as usual. */
    public static class LedgerBrokerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.data-use.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.data-use.max.block.ms", "500",
                    "mp.messaging.outgoing.data-use.delivery.timeout.ms", "1500",
                    "mp.messaging.outgoing.data-use.request.timeout.ms", "1000");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void theHomePageIsBuiltAgainWithNothingGrantedAndSaysWhy() {
        String user = UUID.randomUUID().toString();
        double before = failures();
        for (int i = 0; i < 2; i++) { // and again: a failed send must not close the channel
            stub.reset();
            given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                    .header("Serenade-Request-Id", nullValue())
                    .body("personalized", equalTo(false))
                    .body("notice", startsWith("Not personalized: your data-use log could not be written"));
            List<StubServices.Seen> rankings = stub.calls("GET", "/internal/users/" + user + "/home");
            assertThat(rankings).hasSize(2);
            assertThat(SignedPurposes.verify(rankings.get(0).purposes(), user).allows(Purposes.PERSONALIZATION)).isTrue();
            assertThat(SignedPurposes.verify(rankings.get(1).purposes(), user)).as("the page served").isEqualTo(GrantedPurposes.NONE);
            assertThat(rankings.get(1).query()).as("the favourite genres are personalization").doesNotContain("genre=");
            List<StubServices.Seen> artwork = stub.calls("POST", "/internal/choices");
            assertThat(SignedPurposes.verify(artwork.get(artwork.size() - 1).purposes(), user)).isEqualTo(GrantedPurposes.NONE);
        }
        assertThat(failures() - before).isEqualTo(2.0);
    }

    @Test
    void searchIsRunAgainWithNothingGrantedAndSaysWhy() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).queryParam("q", "jazz").get("/api/v1/me/search").then().statusCode(200)
                .header("Serenade-Request-Id", nullValue())
                .body("personalized", equalTo(false))
                .body("notice", startsWith("Not personalized: your data-use log could not be written"));
        List<StubServices.Seen> searches = stub.calls("GET", "/internal/users/" + user + "/search");
        assertThat(searches).hasSize(2);
        assertThat(SignedPurposes.verify(searches.get(1).purposes(), user)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void theAssistantContextIsA503ProblemNotAnUnrecordedSummary() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/assistant-context").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:serenade:problem:ledger-unavailable"))
                .body("instance", equalTo("/api/v1/me/assistant-context"));
    }

    private double failures() {
        return registry.counter("serenade.data.use.publish.failures").count();
    }
}
