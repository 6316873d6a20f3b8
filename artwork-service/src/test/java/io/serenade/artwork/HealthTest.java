package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.kit.testing.ManagementInterfaceContract;
import io.serenade.kit.testing.TestIdentityProvider;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Probes and metrics on the management port (the kit's contract); readiness covers every dependency a choice or a write needs, and the variant snapshot.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(TestIdentityProvider.class) // the identity provider's test key, for every test of the module
class HealthTest extends ManagementInterfaceContract {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void readinessCoversDatabaseKafkaRedisAndTheSnapshot() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(readiness).then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Redis connection health check", "SmallRye Reactive Messaging - readiness check",
                        "artwork-variant-snapshot")));
    }
}
