package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A user over budget gets 429 problem+json with Retry-After; other users are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class RateLimitTest {

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
            given().auth().oauth2(greedy).get("/api/v1/me/profile").then().statusCode(not(equalTo(429)));
        }
        given().auth().oauth2(greedy).get("/api/v1/me/profile").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", not(equalTo(null)));
        given().auth().oauth2(Tokens.newUser()).get("/api/v1/me/profile").then().statusCode(not(equalTo(429)));
    }
}
