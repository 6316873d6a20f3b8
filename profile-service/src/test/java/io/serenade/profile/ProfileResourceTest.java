package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ProfileResourceTest {

    private static final String VALID = """
            {"displayName":"Ada","locale":"fr-FR","timeZone":"Europe/Paris","maturityRating":"13+",
             "favouriteGenres":["drama","sci-fi"],"diversity":0.8}""";

    @Test
    void aNewUserHasTheDefaultProfile() {
        String user = UUID.randomUUID().toString();
        asGateway().get("/internal/users/{u}/profile", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("maturityRating", equalTo("18+"))
                .body("diversity", equalTo(0.3f))
                .body("updatedAt", nullValue());
    }

    @Test
    void putReplacesTheProfileAndGetReturnsIt() {
        String user = UUID.randomUUID().toString();
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/users/{u}/profile", user)
                .then().statusCode(200).body("locale", equalTo("fr-FR"));
        asGateway().get("/internal/users/{u}/profile", user).then().statusCode(200)
                .body("displayName", equalTo("Ada"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("favouriteGenres", contains("drama", "sci-fi"))
                .body("diversity", equalTo(0.8f));
    }

    @Test
    void badFieldsAre400ProblemsNamingTheFieldAndChangeNothing() {
        String user = UUID.randomUUID().toString();
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/users/{u}/profile", user).then().statusCode(200);

        assertRejected(user, VALID.replace("Europe/Paris", "Mars/Olympus"), "timeZone");
        assertRejected(user, VALID.replace("\"13+\"", "\"21+\""), "maturityRating");
        assertRejected(user, VALID.replace("\"sci-fi\"", "\"Sci Fi!\""), "favouriteGenres[1]");
        assertRejected(user, VALID.replace("\"locale\":\"fr-FR\",", ""), "locale");
        assertRejected(user, VALID.replace("0.8", "1.5"), "diversity");
        assertRejected(user, VALID.replace("0.8", "-0.1"), "diversity");

        asGateway().get("/internal/users/{u}/profile", user).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("maturityRating", equalTo("13+"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400Problems() {
        String user = UUID.randomUUID().toString();
        asGateway().contentType(ContentType.JSON).body("{\"locale\": ").put("/internal/users/{u}/profile", user)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        asGateway().contentType(ContentType.JSON).body(VALID.replace("[\"drama\",\"sci-fi\"]", "{\"a\":1}"))
                .put("/internal/users/{u}/profile", user)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("favouriteGenres"));
        asGateway().contentType(ContentType.JSON).put("/internal/users/{u}/profile", user)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Defense in depth: the gateway refuses control characters first, and profile-service again (the kit's InputGuard). */
    @Test
    void aControlCharacterInAnyTextIsA400EvenFromTheGateway() {
        String user = UUID.randomUUID().toString();
        for (String name : new String[] {"Ada\\u0000", "Ada\\u001b[31m", "Ada\\r"}) {
            asGateway().contentType(ContentType.JSON).body(VALID.replace("\"Ada\"", "\"" + name + "\""))
                    .put("/internal/users/{u}/profile", user)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("displayName"));
        }
        asGateway().get("/internal/users/{u}/profile", user).then().statusCode(200).body("updatedAt", nullValue());
        asGateway().contentType(ContentType.JSON).body(VALID.replace("\"Ada\"", "\"Ada\\tLovelace\\n\""))
                .put("/internal/users/{u}/profile", user).then().statusCode(200);
    }

    @Test
    void badPathAndQueryParametersAre400Problems() {
        asGateway().get("/internal/users/{u}/profile", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        asGateway().queryParam("size", 0).get("/internal/users/{u}/history", "u1").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        asGateway().queryParam("page", "abc").get("/internal/users/{u}/history", "u1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    /** More reads than the pool has connections: each must give its connection back. */
    @Test
    void theHistoryCanBeReadManyTimesOver() {
        String user = UUID.randomUUID().toString();
        for (int i = 0; i < 60; i++) {
            asGateway().queryParam("size", 1).get("/internal/users/{u}/history", user).then().statusCode(200)
                    .body("total", equalTo(0));
        }
    }

    @Test
    void unknownRoutesAreProblemsToo() {
        asGateway().get("/internal/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static void assertRejected(String user, String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).put("/internal/users/{u}/profile", user)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }
}
