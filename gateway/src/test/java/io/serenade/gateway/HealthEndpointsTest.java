package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URL;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The three probes Kubernetes calls (liveness, readiness, startup) answer 200 and UP on the management port, without a token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class HealthEndpointsTest {

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @ParameterizedTest
    @ValueSource(strings = {"/live", "/ready", "/started"})
    void probeIsUpOnTheManagementPort(String probe) {
        // Readiness waits for the Redis and Kafka connections, which can lag the application start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(health + probe).then()
                .statusCode(200)
                .body("status", equalTo("UP")));
    }
}
