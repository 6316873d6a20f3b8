package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.serenade.gateway.StubServices.Answer;
import io.serenade.gateway.client.Calls;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gateway's calls under their guards (client/Calls, values from serenade.gateway.calls): the home page without
 * artwork when artwork-service is down, and a circuit breaker that opens on a failing service, refuses calls without
 * reaching it, and closes again once it answers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class ResilienceTest extends StubbedServicesTest {

    private final Calls calls;

    ResilienceTest(Calls calls) {
        this.calls = calls;
    }

    @AfterEach
    void closeEveryBreaker() {
        // Breakers outlive a test; one left open would fail the next test's calls.
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** Seen in the fault suite: a service restarting refused the gateway's token for a moment, and members got 401. */
    @Test
    void aServiceRefusingTheGatewaysIdentityIsA503ForTheMemberNotA401() {
        String user = UUID.randomUUID().toString();
        stub.on("GET", "/internal/users/([^/]+)/profile", (m, r) -> Answer.problem(401, "A valid bearer token for Serenade is required"));

        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/profile").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:serenade:problem:unavailable"))
                .body("instance", equalTo("/api/v1/me/profile"));
    }

    @Test
    void withArtworkServiceDownTheHomePageGoesOutWithoutChosenArtwork() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                .body("rows[0].items[0].artwork.artworkId", equalTo("a-t-1"));

        stub.on("POST", "/internal/choices", (m, r) -> Answer.problem(503, "artwork-service is down"));

        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                .body("rows[0].items[0].titleId", equalTo("t-1"))
                .body("rows[0].items[0].reason", notNullValue())
                .body("rows[0].items[0].artwork", nullValue());
        assertThat(stub.calls("POST", "/internal/choices")).as("asked, and answered with a failure").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingServiceOpensItsBreakerWhichRefusesWithoutCallingItAndClosesWhenItAnswersAgain() {
        CircuitBreakerMaintenance breakers = CircuitBreakerMaintenance.get();
        String user = UUID.randomUUID().toString();
        String home = "/internal/users/" + user + "/home";
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(breakers.currentState("ranking-page")).isEqualTo(CircuitBreakerState.CLOSED);

        stub.on("GET", "/internal/users/([^/]+)/home", (m, r) -> Answer.problem(500, "ranking-service is broken"));
        // 20 calls in the window at a failure ratio of 0.5 open it; each page tries twice (one retry on a read).
        for (int page = 0; page < 25 && breakers.currentState("ranking-page") == CircuitBreakerState.CLOSED; page++) {
            given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(503)
                    .contentType("application/problem+json");
        }
        assertThat(breakers.currentState("ranking-page")).isEqualTo(CircuitBreakerState.OPEN);

        int reached = stub.calls("GET", home).size();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(503)
                .contentType("application/problem+json");
        assertThat(stub.calls("GET", home)).as("an open breaker does not call the service").hasSize(reached);

        stub.reset(); // ranking-service answers again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200));
        assertThat(breakers.currentState("ranking-page")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void aRefusalNeitherRetriesNorCountsAgainstTheBreaker() {
        String user = UUID.randomUUID().toString();
        stub.on("GET", "/internal/users/([^/]+)/home", (m, r) -> Answer.problem(400, "bad maturity"));
        for (int page = 0; page < 25; page++) {
            given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(400);
        }
        assertThat(stub.calls("GET", "/internal/users/" + user + "/home")).as("one call per page: no retry").hasSize(25);
        assertThat(CircuitBreakerMaintenance.get().currentState("ranking-page")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void aKindOfCallWithoutConfigurationStopsTheGateway() {
        assertThatThrownBy(() -> calls.guard("no-such-kind")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serenade.gateway.calls.no-such-kind");
    }
}
