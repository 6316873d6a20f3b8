package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.serenade.events.Purposes;
import org.junit.jupiter.api.Test;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentResourceTest {

    @Test
    void aNewUserHasEveryPurposeNotSetInTheCanonicalOrder() {
        String user = Consents.user();
        asGateway().get("/internal/users/{u}/consents", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("policyVersion", equalTo("2026-11"))
                .body("purposes.purpose", contains(Purposes.ALL.toArray()))
                .body("purposes.state", everyItem(equalTo("NOT_SET")))
                .body("purposes.updatedAt", everyItem(nullValue()));
    }

    @Test
    void grantThenWithdrawShowsWithdrawnAndTwoLedgerRowsNewestFirst() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"},\"source\":\"web\"}").statusCode(200)
                .body("purposes.find { it.purpose == 'personalization' }.state", equalTo("GRANTED"))
                .body("purposes.find { it.purpose == 'personalization' }.policyVersion", equalTo("2026-11"))
                .body("purposes.find { it.purpose == 'personalization' }.updatedAt", notNullValue());
        Consents.put(user, "{\"consents\":{\"personalization\":\"WITHDRAWN\"}}").statusCode(200);

        asGateway().get("/internal/users/{u}/consents", user).then().statusCode(200)
                .body("purposes.find { it.purpose == 'personalization' }.state", equalTo("WITHDRAWN"))
                .body("purposes.find { it.purpose == 'notifications' }.state", equalTo("NOT_SET"));
        asGateway().get("/internal/users/{u}/consents/history", user).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.state", contains("WITHDRAWN", "GRANTED"))
                .body("items.source", contains("api", "web"))
                .body("items.purpose", everyItem(equalTo("personalization")));
    }

    @Test
    void onlyPurposesWhoseAnswerChangesAreAppendedAndANoOpAppendsNothing() {
        String user = Consents.user();
        String both = "{\"consents\":{\"personalization\":\"GRANTED\",\"notifications\":\"DENIED\"}}";
        Consents.put(user, both).statusCode(200);
        assertThat(Consents.ledgerRows(user)).isEqualTo(2);

        Consents.put(user, both).statusCode(200)
                .body("purposes.find { it.purpose == 'notifications' }.state", equalTo("DENIED"));
        assertThat(Consents.ledgerRows(user)).as("a no-op PUT appends nothing").isEqualTo(2);

        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\",\"notifications\":\"GRANTED\"}}").statusCode(200);
        assertThat(Consents.ledgerRows(user)).as("only notifications changed").isEqualTo(3);
    }

    @Test
    void badBodiesAre400ProblemsNamingTheFieldAndAppendNothing() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(200);

        assertRejected(user, "{\"consents\":{\"foo\":\"GRANTED\"}}", "consents.foo");
        assertRejected(user, "{\"consents\":{\"personalization\":\"DENIED\",\"foo\":\"GRANTED\"}}", "consents.foo");
        assertRejected(user, "{\"consents\":{\"personalization\":\"MAYBE\"}}", "consents.personalization");
        assertRejected(user, "{\"consents\":{\"personalization\":\"NOT_SET\"}}", "consents.personalization");
        assertRejected(user, "{\"consents\":{\"personalization\":\"granted\"}}", "consents.personalization");
        assertRejected(user, "{\"consents\":{\"personalization\":null}}", "consents.personalization");
        assertRejected(user, "{\"consents\":{}}", "consents");
        assertRejected(user, "{\"source\":\"web\"}", "consents");
        assertRejected(user, "{\"consents\":[\"personalization\"]}", "consents");
        assertRejected(user, "{\"consents\":{\"personalization\":\"DENIED\"},\"source\":\"fax\"}", "source");

        asGateway().get("/internal/users/{u}/consents", user).then()
                .body("purposes.find { it.purpose == 'personalization' }.state", equalTo("GRANTED"));
        assertThat(Consents.ledgerRows(user)).isEqualTo(1);
    }

    @Test
    void malformedOrMissingBodiesAre400Problems() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\": ").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        asGateway().contentType(ContentType.JSON).put("/internal/users/{u}/consents", user)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(Consents.ledgerRows(user)).isZero();
    }

    @Test
    void badPathAndQueryParametersAre400Problems() {
        asGateway().get("/internal/users/{u}/consents", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        Consents.put("bad user", "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(400)
                .body("errors.field", hasItem("userId"));
        for (String size : new String[]{"0", "201", "abc", "-1", "1e2"}) {
            asGateway().queryParam("size", size).get("/internal/users/{u}/consents/history", "u1").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("size"));
        }
        for (String page : new String[]{"-1", "abc", "9999999"}) {
            asGateway().queryParam("page", page).get("/internal/users/{u}/consents/history", "u1").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("page"));
        }
    }

    @Test
    void historyPagesNewestFirst() {
        String user = Consents.user();
        // Oldest first: GRANTED, DENIED, GRANTED, WITHDRAWN, GRANTED; so newest first, page 1 of size 2 holds the
        // third and second answers.
        String[] sources = {"web", "app", "tv", "api", "web"};
        String[] states = {"GRANTED", "DENIED", "GRANTED", "WITHDRAWN", "GRANTED"};
        for (int i = 0; i < states.length; i++) {
            Consents.put(user, "{\"consents\":{\"experimentation\":\"" + states[i] + "\"},\"source\":\"" + sources[i] + "\"}")
                    .statusCode(200);
        }
        asGateway().queryParam("page", 1).queryParam("size", 2).get("/internal/users/{u}/consents/history", user).then()
                .statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.state", contains("GRANTED", "DENIED"))
                .body("items.source", contains("tv", "app"));
    }

    @Test
    void encodedAndDottedPathsNeverReachAnotherUserOrFail() {
        for (String path : new String[]{"/internal/users/%2e%2e/consents", "/internal/users/..;/consents",
                "/internal/users/u1%2F..%2Fu2/consents", "/internal/users/u1/consents/%2e%2e/history"}) {
            int status = asGateway().urlEncodingEnabled(false).get(path).then().contentType("application/problem+json")
                    .extract().statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    private static void assertRejected(String user, String body, String field) {
        Consents.put(user, body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }
}
