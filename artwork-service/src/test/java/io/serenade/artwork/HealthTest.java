package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Readiness covers every dependency a choice or a write needs, and the variant snapshot. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class HealthTest {

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
