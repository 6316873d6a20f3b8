package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Bad input on every public route that takes input is a 400 problem naming the parameter, decided by the
 * gateway before any service is called (the services are not running in this test: reaching one is a 503).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class BadInputTest {

    @Test
    void pagingParametersAreCheckedAsText() {
        String user = Tokens.newUser();
        rejected(given().auth().oauth2(user).queryParam("page", "abc").get("/api/v1/me/history"), "page");
        rejected(given().auth().oauth2(user).queryParam("size", "0").get("/api/v1/me/history"), "size");
        rejected(given().auth().oauth2(user).queryParam("size", "201").get("/api/v1/me/history"), "size");
        rejected(given().auth().oauth2(user).queryParam("page", "-1").get("/api/v1/me/consents/history"), "page");
        String admin = Tokens.admin(java.util.UUID.randomUUID().toString());
        rejected(given().auth().oauth2(admin).queryParam("size", "501").get("/api/v1/admin/titles"), "size");
    }

    @Test
    void homeContextParametersAreChecked() {
        String user = Tokens.newUser();
        rejected(given().auth().oauth2(user).queryParam("localTime", "25:00").get("/api/v1/me/home"), "localTime");
        rejected(given().auth().oauth2(user).queryParam("device", "TV!").get("/api/v1/me/home"), "device");
        rejected(given().auth().oauth2(user).queryParam("locale", "english").get("/api/v1/me/home"), "locale");
    }

    @Test
    void searchParametersAreChecked() {
        String user = Tokens.newUser();
        rejected(given().auth().oauth2(user).get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", "").get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", "    ").get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", " a ").get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", "x".repeat(101)).get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", "jazz\tage").get("/api/v1/me/search"), "q");
        rejected(given().auth().oauth2(user).queryParam("q", "jazz").queryParam("limit", "0").get("/api/v1/me/search"), "limit");
        rejected(given().auth().oauth2(user).queryParam("q", "jazz").queryParam("limit", "51").get("/api/v1/me/search"), "limit");
        rejected(given().auth().oauth2(user).queryParam("q", "jazz").queryParam("limit", "ten").get("/api/v1/me/search"), "limit");
        rejected(given().auth().oauth2(user).queryParam("q", "jazz").queryParam("device", "TV!").get("/api/v1/me/search"), "device");
    }

    @Test
    void aSearchQueryIsJudgedTrimmed() {
        // 100 characters inside spaces is fine once trimmed, and so are 2: both reach the (absent) service.
        String user = Tokens.newUser();
        given().auth().oauth2(user).queryParam("q", "  " + "x".repeat(100) + "  ").queryParam("limit", "50")
                .get("/api/v1/me/search").then().statusCode(503);
        given().auth().oauth2(user).queryParam("q", " ab ").queryParam("device", "tv").queryParam("limit", "1")
                .get("/api/v1/me/search").then().statusCode(503);
    }

    @Test
    void aForgottenEventIdMustBeAUuid() {
        String user = Tokens.newUser();
        rejected(given().auth().oauth2(user).delete("/api/v1/me/history/{eventId}", "not-a-uuid"), "eventId");
        rejected(given().auth().oauth2(user).delete("/api/v1/me/history/{eventId}", "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d1"), "eventId");
        rejected(given().auth().oauth2(user).delete("/api/v1/me/history/{eventId}", "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11x"), "eventId");
        rejected(given().auth().oauth2(user).delete("/api/v1/me/history/{eventId}", "' OR 1=1 --"), "eventId");
    }

    @Test
    void bodiesMustBeJsonObjects() {
        String user = Tokens.newUser();
        rejected(given().auth().oauth2(user).contentType(ContentType.JSON).body("[1, 2]").put("/api/v1/me/profile"), "profile");
        rejected(given().auth().oauth2(user).contentType(ContentType.JSON).body("\"granted\"").put("/api/v1/me/consents"), "body");
        given().auth().oauth2(user).contentType(ContentType.JSON).body("{\"displayName\": ").put("/api/v1/me/profile")
                .then().statusCode(400).contentType("application/problem+json");
        String admin = Tokens.admin(java.util.UUID.randomUUID().toString());
        rejected(given().auth().oauth2(admin).contentType(ContentType.JSON).body("42").put("/api/v1/admin/titles/t-1"), "title");
        rejected(given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").put("/api/v1/admin/titles/{id}", "bad id!"), "titleId");
        rejected(given().auth().oauth2(admin).contentType(ContentType.JSON).body("[]").put("/api/v1/admin/titles/t-1/artwork/a-1"), "variant");
    }

    @Test
    void aValidRequestGoesThroughToTheService() {
        // The same requests with good input pass the gateway's checks and reach the (absent) service.
        given().auth().oauth2(Tokens.newUser()).queryParam("page", "2").queryParam("size", "200").get("/api/v1/me/history")
                .then().statusCode(503);
        given().auth().oauth2(Tokens.newUser()).contentType(ContentType.JSON).body("{}").put("/api/v1/me/profile")
                .then().statusCode(503);
        given().auth().oauth2(Tokens.newUser()).delete("/api/v1/me/history/{eventId}", "5F0C1C52-2B8E-4A8A-9A51-3F6F0B0C9D11")
                .then().statusCode(503);
    }

    private static void rejected(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }
}
