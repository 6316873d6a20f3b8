package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The three probes Kubernetes calls (liveness, readiness, startup) answer 200 and UP, without a token. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class HealthEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health/started"})
    void probeIsUp(String probe) {
        // Readiness waits for the database and Kafka connections, which can lag the application start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(probe).then()
                .statusCode(200)
                .body("status", equalTo("UP")));
    }
}
