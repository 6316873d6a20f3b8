package io.serenade.kit.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service promises about operations: the three probes Kubernetes calls (liveness, readiness, startup) and
 * the metrics answer on the management interface, without a token; the API's own port serves none of them, nor an
 * OpenAPI document unless it is the gateway. Every service's {@code HealthEndpointsTest} extends this.
 */
public abstract class ManagementInterfaceContract {

    // On the management interface, under its root path /q.
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @ParameterizedTest
    @ValueSource(strings = {"/live", "/ready", "/started"})
    void probeIsUpOnTheManagementPort(String probe) {
        // Readiness waits for the database, Redis and Kafka connections, which can lag the application start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(health + probe).then()
                .statusCode(200)
                .body("status", equalTo("UP")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/metrics"})
    void theApiPortServesNoOperationsRoute(String path) {
        given().get(path).then().statusCode(404);
    }

    /** Only the gateway, the public door, publishes its API document (and Swagger UI), on its API port. */
    protected boolean publishesTheApiDocument() {
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", "/q/swagger-ui/"})
    void theApiDocumentIsTheGatewaysAlone(String path) {
        given().get(path).then().statusCode(publishesTheApiDocument() ? 200 : 404);
    }

    @org.junit.jupiter.api.Test
    void metricsAreOnTheManagementPort() {
        given().get(metrics).then().statusCode(200);
    }
}
