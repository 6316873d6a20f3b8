package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.serde.InteractionRecordedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * User B's token on every /me route, with user A's id slipped into the query and headers: every call that reaches
 * a service is about B (its path names B, its signed purposes are B's), nothing names A, and what B gets back is B's.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class UserIsolationTest extends StubbedServicesTest {

    private static final String ID = StubServices.EXPORT_ID;

    /** Every /me route that reaches a service, with input it accepts. */
    static final String[][] ROUTES = {
            {"GET", "/api/v1/me/home"}, {"GET", "/api/v1/me/search?q=jazz"}, {"GET", "/api/v1/me/profile"},
            {"PUT", "/api/v1/me/profile", "{\"locale\": \"en\"}"}, {"GET", "/api/v1/me/history"},
            {"DELETE", "/api/v1/me/history/" + ID}, {"GET", "/api/v1/me/consents"},
            {"PUT", "/api/v1/me/consents", "{\"consents\": {\"personalization\": \"GRANTED\", \"assistant-context\": \"GRANTED\"}}"},
            {"GET", "/api/v1/me/consents/history"}, {"GET", "/api/v1/me/transparency"},
            {"GET", "/api/v1/me/data-use?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z"},
            {"POST", "/api/v1/me/exports", ""}, {"GET", "/api/v1/me/exports/" + ID}, {"GET", "/api/v1/me/exports/" + ID + "/archive"},
            {"POST", "/api/v1/me/erasure", ""}, {"GET", "/api/v1/me/erasure/" + ID}, {"GET", "/api/v1/me/assistant-context"},
            {"GET", "/api/v1/me/notifications/settings"},
            {"PUT", "/api/v1/me/notifications/settings", "{\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}"},
            {"GET", "/api/v1/me/notifications/decisions"}};

    @Test
    void userBsTokenReachesOnlyUserBsData() {
        String a = "user-a-" + UUID.randomUUID();
        String b = "user-b-" + UUID.randomUUID();
        String token = Tokens.user(b);
        List<String> leaks = new ArrayList<>();
        for (String[] route : ROUTES) {
            stub.reset();
            // Headers naming another user are ignored; a query or body naming one is refused (StrictInputTest).
            String path = route[1];
            io.restassured.response.Response answer = call(given().auth().oauth2(token).header("X-User-Id", a)
                    .header("X-Forwarded-User", a), route[0], path, route.length > 2 ? route[2] : null);
            assertThat(answer.statusCode()).as(route[0] + " " + route[1]).isBetween(200, 299);
            assertThat(answer.asString()).as("what B gets back").doesNotContain(a);
            List<StubServices.Seen> calls = stub.seen();
            assertThat(calls).as(route[0] + " " + route[1] + " reaches a service").isNotEmpty();
            for (StubServices.Seen call : calls) {
                String user = call.path().startsWith("/internal/users/") ? call.path().split("/")[3] : null;
                if ((user != null && !user.equals(b)) || call.path().contains(a) || String.valueOf(call.query()).contains(a)
                        || (call.purposes() != null && !b.equals(tokenUser(call.purposes())))) {
                    leaks.add(route[0] + " " + route[1] + " -> " + call);
                }
            }
        }
        assertThat(leaks).as("calls about anyone but B").isEmpty();
    }

    @Test
    void eventsArePublishedForTheTokensUserWhateverTheRequestSays() {
        String a = "user-a-" + UUID.randomUUID();
        String b = "user-b-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<InteractionRecorded> interactions = new TopicProbe<>(TestTopics.INTERACTIONS, new InteractionRecordedDeserializer())) {
            given().auth().oauth2(Tokens.user(b)).header("X-User-Id", a).contentType(ContentType.JSON)
                    .body("{\"eventId\": \"" + eventId + "\", \"titleId\": \"t-1\", \"type\": \"PLAY\", \"occurredAt\": \""
                            + Instant.now().minusSeconds(5) + "\"}")
                    .post("/api/v1/me/events").then().statusCode(202);
            List<ConsumerRecord<String, InteractionRecorded>> seen = interactions.until(r -> r.value() != null
                    && UUID.fromString(eventId).equals(r.value().eventId()));
            ConsumerRecord<String, InteractionRecorded> event = seen.get(seen.size() - 1);
            assertThat(event.key()).isEqualTo(b);
            assertThat(event.value().userId()).isEqualTo(b);
        }
    }

    /** The user a purposes token was minted for (its second part). */
    private static String tokenUser(String token) {
        String[] parts = token.split("\\.");
        return parts.length == 5 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : null;
    }

    static io.restassured.response.Response call(RequestSpecification spec, String method, String path, String body) {
        RequestSpecification request = spec.urlEncodingEnabled(false);
        if (body != null && !body.isEmpty()) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return switch (method) {
            case "GET" -> request.get(path);
            case "PUT" -> request.put(path);
            case "DELETE" -> request.delete(path);
            default -> request.post(path);
        };
    }
}
