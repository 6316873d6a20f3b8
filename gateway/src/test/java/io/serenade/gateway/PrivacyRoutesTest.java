package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.events.serde.DataUseRecordedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The privacy routes end to end against stand-in services: transparency, the data-use log and its records,
 * export, erasure, notification settings and pacing, the purpose catalogue and the assistant context. Each with
 * the bad input the gateway refuses itself (400 naming the parameter, the services never called).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class PrivacyRoutesTest extends StubbedServicesTest {

    // --- transparency and the data-use log

    @Test
    void transparencyIsTheCallersOwn() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/transparency").then().statusCode(200)
                .body("userId", equalTo(user)).body("categories[0].category", equalTo("interaction-history"));
        stub.only("GET", "/internal/users/" + user + "/transparency");
    }

    @Test
    void theDataUseWindowGoesOnInCanonicalForm() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).queryParam("from", "2026-01-01T01:00:00+01:00")
                .queryParam("to", "2026-02-01T00:00:00.500Z").queryParam("page", "2").queryParam("size", "10")
                .get("/api/v1/me/data-use").then().statusCode(200).body("total", equalTo(0));
        String query = URLDecoder.decode(stub.only("GET", "/internal/users/" + user + "/data-use").query(), StandardCharsets.UTF_8);
        assertThat(query).contains("from=2026-01-01T00:00:00Z", "to=2026-02-01T00:00:00.500Z", "page=2", "size=10");

        stub.reset();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/data-use").then().statusCode(200);
        assertThat(stub.only("GET", "/internal/users/" + user + "/data-use").query()).doesNotContain("from=", "to=");
    }

    @Test
    void aBadDataUseWindowIs400NamingTheParameter() {
        String token = Tokens.newUser();
        rejected(given().auth().oauth2(token).queryParam("from", "yesterday").get("/api/v1/me/data-use"), "from");
        rejected(given().auth().oauth2(token).queryParam("to", "2026-13-01T00:00:00Z").get("/api/v1/me/data-use"), "to");
        rejected(given().auth().oauth2(token).queryParam("from", "2026-01-01").get("/api/v1/me/data-use"), "from");
        rejected(given().auth().oauth2(token).queryParam("from", "1900-01-01T00:00:00Z").get("/api/v1/me/data-use"), "from");
        rejected(given().auth().oauth2(token).queryParam("from", "+999999999-01-01T00:00:00Z").get("/api/v1/me/data-use"), "from");
        rejected(given().auth().oauth2(token).queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/me/data-use"), "from");
        rejected(given().auth().oauth2(token).queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-02-01T00:00:00Z")
                .get("/api/v1/me/data-use"), "to");
        rejected(given().auth().oauth2(token).queryParam("page", "-1").get("/api/v1/me/data-use"), "page");
        rejected(given().auth().oauth2(token).queryParam("size", "201").get("/api/v1/me/data-use"), "size");
        assertThat(stub.seen()).as("refused before any service").isEmpty();
        // 366 days is the most a window may span.
        given().auth().oauth2(token).queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-01-02T00:00:00Z")
                .get("/api/v1/me/data-use").then().statusCode(200);
    }

    @Test
    void aPersonalizedHomePageIsRecordedAndTheClientGetsTheRecordsId() {
        String user = UUID.randomUUID().toString();
        try (TopicProbe<DataUseRecorded> log = new TopicProbe<>(TestTopics.DATA_USE, new DataUseRecordedDeserializer())) {
            String requestId = given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                    .header("Serenade-Request-Id", notNullValue()).extract().header("Serenade-Request-Id");
            DataUseRecorded record = recordOf(log, user, requestId);
            assertThat(record.purposes()).containsExactly(Purposes.PERSONALIZATION, Purposes.ARTWORK_PERSONALIZATION);
            assertThat(record.dataCategories()).containsExactly("profile", "interaction-history", "inferred-affinities", "artwork-context");
            assertThat(record.services()).containsExactlyInAnyOrder("ranking-service", "profile-service", "artwork-service");
            assertThat(record.occurredAt()).isNotNull();
        }
    }

    @Test
    void aPageWithNothingGrantedUsesNoPreferenceAndRecordsNothing() {
        String user = UUID.randomUUID().toString();
        stub.granted = Set.of();
        stub.on("GET", "/internal/users/([^/]+)/home", (m, r) -> StubServices.Answer.ok(StubServices.home(m.group(1), false)));
        try (TopicProbe<DataUseRecorded> log = new TopicProbe<>(TestTopics.DATA_USE, new DataUseRecordedDeserializer())) {
            given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                    .header("Serenade-Request-Id", nullValue());
            assertThat(log.within(Duration.ofSeconds(2))).noneMatch(r -> user.equals(r.key()));
        }
        StubServices.Seen home = stub.only("GET", "/internal/users/" + user + "/home");
        assertThat(home.query()).as("the favourite genres are personalization").doesNotContain("genre=").contains("maturity=13%2B");
        assertThat(SignedPurposes.verify(home.purposes(), user)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void aPersonalizedSearchIsRecorded() {
        String user = UUID.randomUUID().toString();
        try (TopicProbe<DataUseRecorded> log = new TopicProbe<>(TestTopics.DATA_USE, new DataUseRecordedDeserializer())) {
            String requestId = given().auth().oauth2(Tokens.user(user)).queryParam("q", "jazz").get("/api/v1/me/search")
                    .then().statusCode(200).extract().header("Serenade-Request-Id");
            DataUseRecorded record = recordOf(log, user, requestId);
            assertThat(record.purposes()).containsExactly(Purposes.PERSONALIZATION);
            assertThat(record.dataCategories()).containsExactly("interaction-history", "inferred-affinities");
            assertThat(record.services()).containsExactly("ranking-service");
        }
    }

    // --- export

    @Test
    void anExportStartsWith202AndPointsToItsStatus() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).post("/api/v1/me/exports").then().statusCode(202)
                .header("Location", endsWith("/api/v1/me/exports/" + StubServices.EXPORT_ID))
                .body("id", equalTo(StubServices.EXPORT_ID)).body("status", equalTo("RUNNING"));
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(" {} ").post("/api/v1/me/exports")
                .then().statusCode(202);
        assertThat(stub.calls("POST", "/internal/users/" + user + "/exports")).hasSize(2);
    }

    @Test
    void anExportTakesNoOptions() {
        String token = Tokens.newUser();
        rejected(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"format\": \"csv\"}").post("/api/v1/me/exports"), "format");
        rejected(given().auth().oauth2(token).contentType(ContentType.JSON).body("[1]").post("/api/v1/me/exports"), "body");
        rejected(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"a\": ").post("/api/v1/me/exports"), "body");
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("please").post("/api/v1/me/exports")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void anExportsStatusAndArchiveAreTheCallers() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/exports/{id}", StubServices.EXPORT_ID.toUpperCase())
                .then().statusCode(200).body("status", equalTo("DONE"));
        stub.only("GET", "/internal/users/" + user + "/exports/" + StubServices.EXPORT_ID);
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/exports/{id}/archive", StubServices.EXPORT_ID)
                .then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", equalTo("attachment; filename=\"serenade-export-" + StubServices.EXPORT_ID + ".json\""))
                .header("Cache-Control", equalTo("no-store"))
                .body("userId", equalTo(user)).body("exportId", equalTo(StubServices.EXPORT_ID));
    }

    @Test
    void anExportConsentServiceDoesNotKnowForTheCallerIsIts404() {
        stub.on("GET", "/internal/users/[^/]+/exports/[^/]+(/archive)?", (m, r) -> StubServices.Answer.problem(404, "no such export"));
        String token = Tokens.newUser();
        for (String path : new String[]{"/api/v1/me/exports/" + StubServices.EXPORT_ID, "/api/v1/me/exports/" + StubServices.EXPORT_ID + "/archive"}) {
            given().auth().oauth2(token).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void jobIdsMustBeUuids() {
        String token = Tokens.newUser();
        for (String id : new String[]{"not-a-uuid", "0b8f7a5e-3c1d-4a8e-9f00-00000000e00", "0b8f7a5e-3c1d-4a8e-9f00-00000000e0011", "' OR 1=1 --"}) {
            rejected(given().auth().oauth2(token).get("/api/v1/me/exports/{id}", id), "id");
            rejected(given().auth().oauth2(token).get("/api/v1/me/exports/{id}/archive", id), "id");
            rejected(given().auth().oauth2(token).get("/api/v1/me/erasure/{id}", id), "id");
        }
        assertThat(stub.seen()).isEmpty();
    }

    // --- erasure

    @Test
    void anErasureStartsWith202AndItsStatusIsTheCallers() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).post("/api/v1/me/erasure").then().statusCode(202)
                .header("Location", endsWith("/api/v1/me/erasure/" + StubServices.ERASURE_ID)).body("status", equalTo("RUNNING"));
        stub.only("POST", "/internal/users/" + user + "/erasure");
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/erasure/{id}", StubServices.ERASURE_ID).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        stub.only("GET", "/internal/users/" + user + "/erasure/" + StubServices.ERASURE_ID);
        rejected(given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body("{\"confirm\": true}")
                .post("/api/v1/me/erasure"), "confirm");
        assertThat(stub.calls("POST", "/internal/users/" + user + "/erasure")).hasSize(1);
    }

    @Test
    void anAnswerWithoutAUsableJobIdHasNoLocation() {
        stub.on("POST", "/internal/users/[^/]+/erasure", (m, r) -> new StubServices.Answer(202, "{\"id\": \"x\\r\\nSet-Cookie: a=b\"}"));
        given().auth().oauth2(Tokens.newUser()).post("/api/v1/me/erasure").then().statusCode(202)
                .header("Location", nullValue()).header("Set-Cookie", nullValue());
    }

    // --- notifications

    @Test
    void notificationSettingsAreReadAndReplaced() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/notifications/settings").then().statusCode(200)
                .body("perDay", equalTo(1));
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body("{\"perDay\": 2, \"perWeek\": 5, \"quietStart\": \"23:00\", \"quietEnd\": \"07:30\"}")
                .put("/api/v1/me/notifications/settings").then().statusCode(200).body("perWeek", equalTo(5));
        String sent = stub.only("PUT", "/internal/users/" + user + "/notifications/settings").body();
        assertThat(sent).contains("\"perDay\":2", "\"perWeek\":5", "\"quietStart\":\"23:00\"", "\"quietEnd\":\"07:30\"");
        given().auth().oauth2(Tokens.user(user)).queryParam("page", "1").queryParam("size", "5")
                .get("/api/v1/me/notifications/decisions").then().statusCode(200);
        assertThat(stub.only("GET", "/internal/users/" + user + "/notifications/decisions").query()).contains("page=1", "size=5");
    }

    @Test
    void badNotificationSettingsAre400NamingTheField() {
        String token = Tokens.newUser();
        String good = "{\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}";
        settingsRejected(token, good.replace("1,", "\"one\","), "perDay");
        settingsRejected(token, good.replace("1,", "-1,"), "perDay");
        settingsRejected(token, good.replace("1,", "1.5,"), "perDay");
        settingsRejected(token, good.replace("1,", "\"1\","), "perDay");
        settingsRejected(token, good.replace("3,", "701,"), "perWeek");
        settingsRejected(token, good.replace("22:00", "25:00"), "quietStart");
        settingsRejected(token, good.replace(", \"quietEnd\": \"08:00\"", ""), "quietEnd");
        settingsRejected(token, "[]", "body");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"perDay\": ").put("/api/v1/me/notifications/settings")
                .then().statusCode(400).contentType("application/problem+json");
        rejected(given().auth().oauth2(token).queryParam("size", "0").get("/api/v1/me/notifications/decisions"), "size");
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void aNotifierAsksProfileServiceWhichDecidesFromItsOwnConsentView() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.notifier(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"userId\": \"" + user + "\", \"kind\": \"new-episode\", \"urgency\": \"NORMAL\"}")
                .post("/api/v1/notifications/decisions").then().statusCode(200)
                .body("decision", equalTo("ALLOW")).body("reason", equalTo("allowed"));
        StubServices.Seen decision = stub.only("POST", "/internal/notifications/decisions");
        assertThat(decision.body()).contains("\"userId\":\"" + user + "\"", "\"kind\":\"new-episode\"", "\"urgency\":\"NORMAL\"");
        // The gateway neither looks the target user's consent up nor vouches for it: profile-service decides from
        // its own view, and no cache entry is made for an id a notifier named.
        assertThat(decision.purposes()).isNull();
        assertThat(stub.seen()).extracting(StubServices.Seen::path).noneMatch(path -> path.contains("/consents"));
    }

    @Test
    void decisionsAreForNotifiersOnlyAndTheirInputIsChecked() {
        String body = "{\"userId\": \"u-1\", \"kind\": \"new-episode\", \"urgency\": \"HIGH\"}";
        given().auth().oauth2(Tokens.newUser()).contentType(ContentType.JSON).body(body).post("/api/v1/notifications/decisions")
                .then().statusCode(403).contentType("application/problem+json");
        String notifier = Tokens.notifier(UUID.randomUUID().toString());
        rejected(given().auth().oauth2(notifier).contentType(ContentType.JSON).body(body.replace("u-1", "../admin"))
                .post("/api/v1/notifications/decisions"), "userId");
        rejected(given().auth().oauth2(notifier).contentType(ContentType.JSON).body(body.replace("HIGH", "urgent"))
                .post("/api/v1/notifications/decisions"), "urgency");
        rejected(given().auth().oauth2(notifier).contentType(ContentType.JSON).body(body.replace("\"u-1\"", "12345"))
                .post("/api/v1/notifications/decisions"), "userId");
        rejected(given().auth().oauth2(notifier).contentType(ContentType.JSON).body(body.replace("\"kind\": \"new-episode\", ", ""))
                .post("/api/v1/notifications/decisions"), "kind");
        rejected(given().auth().oauth2(notifier).contentType(ContentType.JSON).body("[]").post("/api/v1/notifications/decisions"), "body");
        given().auth().oauth2(notifier).get("/api/v1/me/home").then().statusCode(403);
        assertThat(stub.seen()).isEmpty();
    }

    // --- the purpose catalogue

    @Test
    void thePurposeCatalogueIsPublic() {
        given().get("/api/v1/purposes").then().statusCode(200).body("[0].purpose", equalTo("personalization"))
                .header("Cache-Control", equalTo("public, max-age=300"));
    }

    // --- the assistant context

    @Test
    void theAssistantContextIsMinimalLabelledAndRecorded() {
        String user = UUID.randomUUID().toString();
        try (TopicProbe<DataUseRecorded> log = new TopicProbe<>(TestTopics.DATA_USE, new DataUseRecordedDeserializer())) {
            io.restassured.response.Response answer = given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/assistant-context");
            answer.then().statusCode(200)
                    .body("userId", equalTo(user)).body("generatedAt", notNullValue())
                    .body("fields.name", contains("topGenres", "topThemes", "recentTitles", "language", "maturity"))
                    .body("fields.purpose", everyItem(equalTo("assistant-context")))
                    .body("fields.source", contains("ranking-service", "ranking-service", "profile-service", "profile-service", "profile-service"))
                    .body("fields[0].value.name", contains("drama", "jazz"))
                    .body("fields[0].value[0].weight", equalTo(0.6f))
                    .body("fields[1].value.name", contains("heist"))
                    .body("fields[2].value.titleId", contains("t-1", "t-2", "t-gone"))
                    .body("fields[2].value.name", contains("Title t-1", "Title t-2", null))
                    .body("fields[3].value", equalTo("en-GB"))
                    .body("fields[4].value", equalTo("13+"));
            assertThat(answer.asString()).doesNotContain("Stub Person", "space", "Europe/London", "t-9");
            DataUseRecorded record = recordOf(log, user, answer.header("Serenade-Request-Id"));
            assertThat(record.purposes()).containsExactly(Purposes.ASSISTANT_CONTEXT);
            assertThat(record.dataCategories()).containsExactly("profile", "interaction-history", "inferred-affinities");
            assertThat(record.services()).containsExactlyInAnyOrder("ranking-service", "profile-service");
        }
        StubServices.Seen affinities = stub.only("GET", "/internal/users/" + user + "/affinities");
        assertThat(affinities.query()).isEqualTo("limit=5");
        assertThat(SignedPurposes.verify(affinities.purposes(), user).allows(Purposes.ASSISTANT_CONTEXT)).isTrue();
    }

    @Test
    void withoutAssistantContextConsentIs403NamingThePurpose() {
        String user = UUID.randomUUID().toString();
        stub.granted = Set.of(Purposes.PERSONALIZATION);
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/assistant-context").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:serenade:problem:consent-required"))
                .body("purpose", equalTo("assistant-context"))
                .body("instance", equalTo("/api/v1/me/assistant-context"));
        assertThat(stub.seen()).extracting(StubServices.Seen::path).containsExactly("/internal/users/" + user + "/consents");
    }

    private static DataUseRecorded recordOf(TopicProbe<DataUseRecorded> log, String user, String requestId) {
        assertThat(requestId).isNotNull();
        List<ConsumerRecord<String, DataUseRecorded>> seen = log.until(r -> r.value() != null && requestId.equals(r.value().requestId()));
        ConsumerRecord<String, DataUseRecorded> record = seen.get(seen.size() - 1);
        assertThat(record.key()).isEqualTo(user);
        assertThat(record.value().userId()).isEqualTo(user);
        return record.value();
    }

    private static void settingsRejected(String token, String body, String field) {
        rejected(given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/me/notifications/settings"), field);
    }

    private static void rejected(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field)).body("detail", not(equalTo(null)));
    }
}
