package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The holes bad input found, closed at the gateway with exact statuses, and in each case nothing reaches a service
 * that would write: consent answers by ordinal, NUL and other control characters in any text, and a body or query
 * naming a user on a member's own routes.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class StrictInputTest extends StubbedServicesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "0", "1", "\"2\"", "0.0", "\"\"", "true", "\"granted\""})
    void aConsentAnswerIsANameNeverANumber(String answer) {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json")
                .body("{\"consents\":{\"experimentation\":" + answer + "}}")
                .put("/api/v1/me/consents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("consents.experimentation"));
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void aConsentAnswerByNameGoesOn() {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json")
                .body("{\"consents\":{\"experimentation\":\"DENIED\"}}")
                .put("/api/v1/me/consents").then().statusCode(200);
        assertThat(stub.seen()).singleElement().satisfies(s -> assertThat(s.body()).contains("\"DENIED\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/api/v1/me/profile|{\"displayName\":\"Ann\\u0000\"}|displayName",
            "PUT|/api/v1/me/profile|{\"displayName\":\"Ann\\u0007\"}|displayName",
            "PUT|/api/v1/me/profile|{\"displayName\":\"Ann\\r\"}|displayName",
            "PUT|/api/v1/me/notifications/settings|{\"perDay\":2,\"perWeek\":5,\"quietStart\":\"22:00\\u0000\",\"quietEnd\":\"07:00\"}|quietStart",
            "POST|/api/v1/me/events|{\"type\":\"SEARCH\",\"query\":\"jazz\\u0000\",\"eventId\":\"0b8f7a5e-3c1d-4a8e-9f00-000000000001\",\"occurredAt\":\"2026-12-07T10:00:00Z\"}|query",
            "PUT|/api/v1/me/consents|{\"consents\":{\"experimentation\\u0000\":\"DENIED\"}}|consents.(a field name)"})
    void aControlCharacterInAnyTextIsRefused(String method, String path, String body, String field) {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json").body(body)
                .request(method, path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(stub.seen()).noneMatch(StubServices.Seen::writes);
    }

    @Test
    void aControlCharacterInASearchQueryIsRefused() {
        given().auth().oauth2(Tokens.newUser()).queryParam("q", "jazz\u0000night")
                .get("/api/v1/me/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void tabAndNewlineAreText() {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json")
                .body("{\"displayName\":\"Ann\\tLee\\n\"}")
                .put("/api/v1/me/profile").then().statusCode(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/api/v1/me/profile|{\"displayName\":\"Ann\",\"userId\":\"someone-else\"}|userId",
            "PUT|/api/v1/me/consents|{\"consents\":{\"experimentation\":\"DENIED\"},\"userId\":\"someone-else\"}|userId",
            "PUT|/api/v1/me/consents|{\"consents\":{\"experimentation\":\"DENIED\"},\"user_id\":\"someone-else\"}|user_id",
            "PUT|/api/v1/me/notifications/settings|{\"perDay\":2,\"perWeek\":5,\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\",\"userId\":\"x\"}|userId",
            "PUT|/api/v1/me/profile|{\"displayName\":\"Ann\",\"preferences\":{\"subject\":\"someone-else\"}}|preferences.subject"})
    void aBodyNamingAUserIsRefusedOnAMembersRoutes(String method, String path, String body, String field) {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json").body(body)
                .request(method, path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(stub.seen()).noneMatch(StubServices.Seen::writes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me/profile", "/api/v1/me/consents", "/api/v1/me/notifications/settings",
            "/api/v1/me/history", "/api/v1/me/home", "/api/v1/me/transparency"})
    void aQueryNamingAUserIsRefusedOnAMembersRoutes(String path) {
        given().auth().oauth2(Tokens.newUser()).queryParam("userId", "someone-else")
                .get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"));
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void anUnknownFieldIsRefusedOnTypedBodies() {
        given().auth().oauth2(Tokens.newUser()).contentType("application/json")
                .body("{\"consents\":{\"experimentation\":\"DENIED\"},\"grantAll\":true}")
                .put("/api/v1/me/consents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("grantAll"));
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void everyInternalCallCarriesTheGatewaysServiceIdentity() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/consents").then().statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(stub.seen()).isNotEmpty();
        assertThat(stub.unauthenticated.get()).isZero();
    }
}
