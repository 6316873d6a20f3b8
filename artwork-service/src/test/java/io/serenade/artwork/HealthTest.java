package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The three probes Kubernetes calls (liveness, readiness, startup) answer 200 and UP, without a token; readiness
 * covers every dependency a choice or a write needs, and the variant snapshot.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class HealthTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health/started"})
    void probeIsUp(String probe) {
        // Readiness waits for the database, Redis and Kafka connections, which can lag the application start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(probe).then()
                .statusCode(200)
                .body("status", equalTo("UP")));
    }

    @Test
    void readinessCoversDatabaseKafkaRedisAndTheSnapshot() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Redis connection health check", "SmallRye Reactive Messaging - readiness check",
                        "artwork-variant-snapshot")));
    }
}
