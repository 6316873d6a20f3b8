package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may call what: no token, a bad token, the wrong role, and path tricks against protected routes. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class SecurityTest {

    private static final String ID = "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11";
    private static final String[][] USER_ROUTES = {
            {"GET", "/api/v1/me/home"}, {"GET", "/api/v1/me/profile"}, {"PUT", "/api/v1/me/profile"},
            {"GET", "/api/v1/me/history"}, {"POST", "/api/v1/me/events"}, {"GET", "/api/v1/me/consents"},
            {"PUT", "/api/v1/me/consents"}, {"GET", "/api/v1/me/consents/history"}, {"GET", "/api/v1/me/search?q=jazz"},
            {"DELETE", "/api/v1/me/history/" + ID},
            {"GET", "/api/v1/me/transparency"}, {"GET", "/api/v1/me/data-use"}, {"POST", "/api/v1/me/exports"},
            {"GET", "/api/v1/me/exports/" + ID}, {"GET", "/api/v1/me/exports/" + ID + "/archive"},
            {"POST", "/api/v1/me/erasure"}, {"GET", "/api/v1/me/erasure/" + ID}, {"GET", "/api/v1/me/assistant-context"},
            {"GET", "/api/v1/me/notifications/settings"}, {"PUT", "/api/v1/me/notifications/settings"},
            {"GET", "/api/v1/me/notifications/decisions"}};
    /** Routes for back-end callers with role notifier. */
    private static final String[][] NOTIFIER_ROUTES = {{"POST", "/api/v1/notifications/decisions"}};
    private static final String[][] ADMIN_ROUTES = {
            {"GET", "/api/v1/admin/titles"}, {"GET", "/api/v1/admin/titles/t-1"}, {"PUT", "/api/v1/admin/titles/t-1"},
            {"GET", "/api/v1/admin/titles/t-1/artwork"}, {"PUT", "/api/v1/admin/titles/t-1/artwork/a-1"},
            {"GET", "/api/v1/admin/models"}, {"GET", "/api/v1/admin/models/training"}, {"POST", "/api/v1/admin/models/training"}};

    @Test
    void everyUserRouteWithoutATokenIs401Problem() {
        for (String[] route : concat(USER_ROUTES, NOTIFIER_ROUTES)) {
            call(given(), route).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        }
    }

    @Test
    void expiredWrongAudienceWrongSignatureAndGarbageTokensAre401() {
        String subject = UUID.randomUUID().toString();
        String expired = Tokens.token(subject, Tokens.AUDIENCE, Instant.now().minusSeconds(600), "user");
        String wrongAudience = Tokens.token(subject, "another-api", Instant.now().plusSeconds(600), "user");
        String valid = Tokens.user(subject);
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA";
        String expiredNotifier = Tokens.token(subject, Tokens.AUDIENCE, Instant.now().minusSeconds(600), "notifier");
        for (String token : new String[]{expired, wrongAudience, tampered, "not-a-jwt", expiredNotifier}) {
            for (String[] route : concat(USER_ROUTES, NOTIFIER_ROUTES)) {
                call(given().auth().oauth2(token), route).then().statusCode(401).contentType("application/problem+json");
            }
        }
    }

    @Test
    void aUserOnAdminRoutesIs403Problem() {
        String token = Tokens.newUser();
        for (String[] route : ADMIN_ROUTES) {
            call(given().auth().oauth2(token), route).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aUserOnTheNotifierRouteIs403AndANotifierOnUserRoutesIs403() {
        String body = "{\"userId\": \"u-1\", \"kind\": \"new-episode\", \"urgency\": \"LOW\"}";
        for (String user : new String[]{Tokens.newUser(), Tokens.admin(UUID.randomUUID().toString())}) {
            given().auth().oauth2(user).contentType(ContentType.JSON).body(body).post("/api/v1/notifications/decisions")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        String notifier = Tokens.notifier(UUID.randomUUID().toString());
        for (String[] route : USER_ROUTES) {
            call(given().auth().oauth2(notifier), route).then().statusCode(403).contentType("application/problem+json");
        }
        for (String[] route : ADMIN_ROUTES) {
            call(given().auth().oauth2(notifier), route).then().statusCode(403);
        }
    }

    @Test
    void aNotifierPassesTheRoleCheck() {
        // profile-service is not running in this test: reaching it (503) proves the role check passed.
        given().auth().oauth2(Tokens.notifier(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"userId\": \"u-1\", \"kind\": \"new-episode\", \"urgency\": \"LOW\"}")
                .post("/api/v1/notifications/decisions").then().statusCode(503).contentType("application/problem+json");
    }


    @Test
    void anAdminPassesTheRoleCheck() {
        // The catalog service is not running in this test: reaching it (503) proves the role check passed.
        given().auth().oauth2(Tokens.admin(UUID.randomUUID().toString())).get("/api/v1/admin/titles")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1");
        for (String[] route : new String[][]{{"GET", "/api/v1/admin/models"}, {"POST", "/api/v1/admin/models/training"}}) {
            call(given().auth().oauth2(Tokens.admin(UUID.randomUUID().toString())), route)
                    .then().statusCode(503).contentType("application/problem+json");
        }
    }

    @Test
    void aUserReachesTheirOwnNewRoutes() {
        // Past the role check and the input checks, each needs a service that is not running here (503).
        String token = Tokens.newUser();
        for (String[] route : new String[][]{{"GET", "/api/v1/me/search?q=jazz"}, {"DELETE", "/api/v1/me/history/" + ID},
                {"GET", "/api/v1/me/transparency"}, {"GET", "/api/v1/me/data-use"}, {"POST", "/api/v1/me/exports"},
                {"GET", "/api/v1/me/exports/" + ID}, {"GET", "/api/v1/me/exports/" + ID + "/archive"}, {"POST", "/api/v1/me/erasure"},
                {"GET", "/api/v1/me/erasure/" + ID}, {"GET", "/api/v1/me/notifications/settings"},
                {"GET", "/api/v1/me/notifications/decisions"}}) {
            call(given().auth().oauth2(token), route).then().statusCode(503).contentType("application/problem+json");
        }
    }



    @Test
    void artworkImagesArePublicButIdsAreChecked() {
        given().get("/api/v1/artwork/a-1.svg").then().statusCode(503);
        given().get("/api/v1/artwork/{id}.svg", "bad id!").then().statusCode(400).contentType("application/problem+json");
    }

    private static String[][] concat(String[][] a, String[][] b) {
        String[][] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static io.restassured.response.Response call(RequestSpecification spec, String[] route) {
        return switch (route[0]) {
            case "GET" -> spec.get(route[1]);
            case "PUT" -> spec.contentType(ContentType.JSON).body("{}").put(route[1]);
            case "DELETE" -> spec.delete(route[1]);
            default -> spec.contentType(ContentType.JSON).body("{}").post(route[1]);
        };
    }
}
