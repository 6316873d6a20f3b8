package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A user over budget gets 429 problem+json with Retry-After; other users are not affected. The gateway's clock is
 * set 10 s into a one-minute window, so every request of a test falls in that window and Retry-After is exact; the
 * services are not running here, so a request within budget is exactly 503.
 */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class RateLimitTest {

    /** 10 s into a window: minute windows start at multiples of 60 epoch seconds. */
    private static final Instant IN_A_WINDOW = Instant.parse("2026-12-07T12:00:10Z");
    private static final String RETRY_AFTER = "50";

    @Inject
    SetClock clock;

    @BeforeEach
    void setTheClock() {
        clock.set(IN_A_WINDOW);
    }

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serenade.gateway.rate-limit.requests-per-window", "3");
        }
    }

    @Test
    void theFourthRequestInAWindowIs429() {
        String greedy = Tokens.user(UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(greedy).get("/api/v1/me/profile").then().statusCode(503);
        }
        given().auth().oauth2(greedy).get("/api/v1/me/profile").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", RETRY_AFTER);
        given().auth().oauth2(Tokens.newUser()).get("/api/v1/me/profile").then().statusCode(503);
        // The next window gives the budget back.
        clock.advance(Duration.ofSeconds(60));
        given().auth().oauth2(greedy).get("/api/v1/me/profile").then().statusCode(503);
    }

    @Test
    void thePrivacyRoutesShareTheUsersBudget() {
        String user = Tokens.user(UUID.randomUUID().toString());
        String id = "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11";
        given().auth().oauth2(user).get("/api/v1/me/transparency").then().statusCode(503);
        given().auth().oauth2(user).get("/api/v1/me/exports/" + id).then().statusCode(503);
        given().auth().oauth2(user).get("/api/v1/me/notifications/settings").then().statusCode(503);
        for (String[] route : new String[][]{{"GET", "/api/v1/me/transparency"}, {"GET", "/api/v1/me/data-use"},
                {"POST", "/api/v1/me/exports"}, {"GET", "/api/v1/me/exports/" + id}, {"GET", "/api/v1/me/exports/" + id + "/archive"},
                {"POST", "/api/v1/me/erasure"}, {"GET", "/api/v1/me/erasure/" + id}, {"GET", "/api/v1/me/assistant-context"},
                {"GET", "/api/v1/me/notifications/settings"}, {"GET", "/api/v1/me/notifications/decisions"}}) {
            (route[0].equals("GET") ? given().auth().oauth2(user).get(route[1]) : given().auth().oauth2(user).post(route[1]))
                    .then().statusCode(429).contentType("application/problem+json").header("Retry-After", RETRY_AFTER)
                    .body("type", equalTo("urn:serenade:problem:rate-limited"));
        }
        given().auth().oauth2(user).contentType("application/json")
                .body("{\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}")
                .put("/api/v1/me/notifications/settings").then().statusCode(429);
    }

    @Test
    void aNotifierHasABudgetOfItsOwn() {
        String notifier = Tokens.notifier(UUID.randomUUID().toString());
        String body = "{\"userId\": \"u-1\", \"kind\": \"new-episode\", \"urgency\": \"LOW\"}";
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(notifier).contentType("application/json").body(body).post("/api/v1/notifications/decisions")
                    .then().statusCode(503);
        }
        given().auth().oauth2(notifier).contentType("application/json").body(body).post("/api/v1/notifications/decisions")
                .then().statusCode(429).header("Retry-After", RETRY_AFTER);
    }
}
