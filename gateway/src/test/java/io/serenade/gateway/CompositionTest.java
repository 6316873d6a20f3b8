package io.serenade.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.serenade.events.GrantedPurposes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * What the gateway sends to the services and what it makes of their answers, against stand-ins for them on a
 * local port: the consents become the purposes header (nothing granted when consent-service fails), the
 * profile gives diversity, maturity and the local hour, and answers and refusals come back to the client.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class CompositionTest {

    private static final Pattern USER_PATH = Pattern.compile("/internal/users/([^/]+)/(profile|consents|home|search|history/.+)");
    private static final String EVENT_ID = "5f0c1c52-2b8e-4a8a-9a51-3f6f0b0c9d11";

    private static HttpServer services;
    private static ExecutorService threads;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    // What the stand-ins answer; each test sets what it needs, the rest keep these defaults.
    private static volatile String profile;
    private static volatile int consentStatus;
    private static volatile long consentDelayMillis;
    private static volatile String consentPurposes;
    private static volatile int forgetStatus;
    private static volatile int trainingStatus;
    private static volatile int pageTitles;

    record Seen(String method, String path, String query, String purposes) {
    }

    @BeforeEach
    void reset() throws IOException {
        if (services == null) {
            int port = Integer.parseInt(System.getProperty(StubServicesPort.PORT_PROPERTY));
            services = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            threads = Executors.newCachedThreadPool();
            services.setExecutor(threads);
            services.createContext("/", CompositionTest::answer);
            services.start();
        }
        SEEN.clear();
        profile = """
                {"maturityRating": "12", "favouriteGenres": ["drama", "jazz"], "diversity": 0.7, "timeZone": "Asia/Tokyo"}""";
        consentStatus = 200;
        consentDelayMillis = 0;
        consentPurposes = """
                {"purpose": "personalization", "state": "GRANTED"}, {"purpose": "artwork-personalization", "state": "WITHDRAWN"},
                {"purpose": "search-history", "state": "GRANTED"}, {"purpose": "experimentation", "state": "DENIED"},
                {"purpose": "notifications", "state": "NOT_SET"}""";
        forgetStatus = 204;
        trainingStatus = 202;
        pageTitles = 0;
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    void theHomeAsksRankingAndArtworkWithTheGrantedPurposesAndTheProfilesDial() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                .body("personalized", equalTo(true))
                .body("modelId", equalTo("ease-7"))
                .body("notice", nullValue())
                .body("rows[0].items[0].explanation.because[0].eventId", equalTo(EVENT_ID))
                .body("rows[0].items[0].explanation.otherShare", equalTo(0.1f))
                .body("rows[0].items[1].explanation", nullValue());

        Seen home = only("GET", "/internal/users/" + user + "/home");
        assertThat(SignedPurposes.verify(home.purposes(), user)).isEqualTo(SignedPurposes.of("personalization", "search-history"));
        assertThat(SignedPurposes.verify(only("POST", "/internal/choices").purposes(), user))
                .isEqualTo(SignedPurposes.of("personalization", "search-history"));
        assertThat(home.purposes()).as("signed, not a bare list").startsWith("v1.");
        assertThat(SignedPurposes.verify(home.purposes(), "someone-else")).as("bound to the user").isEqualTo(GrantedPurposes.NONE);
        assertThat(home.query()).contains("maturity=12", "genre=drama", "genre=jazz", "diversity=0.7");
        only("GET", "/internal/users/" + user + "/consents");
        only("GET", "/internal/users/" + user + "/profile");
    }

    @Test
    void aPageOfMoreThanAHundredTitlesAsksForArtworkInChunksOfAHundred() {
        pageTitles = 230;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200)
                .body("rows[0].items.size()", equalTo(230));
        assertThat(SEEN.stream().filter(s -> s.method().equals("POST") && s.path().equals("/internal/choices")).count())
                .as("230 titles: 100 + 100 + 30").isEqualTo(3);
    }

    @Test
    void aProfileWithoutTheDialAsksForTheDefaultDiversity() {
        profile = "{\"maturityRating\": \"all\"}";
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(only("GET", "/internal/users/" + user + "/home").query()).contains("diversity=0.3");
    }

    @Test
    void whenConsentServiceFailsNothingIsGrantedAndThePageIsStillServed() {
        consentStatus = 500;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(SignedPurposes.verify(only("GET", "/internal/users/" + user + "/home").purposes(), user)).isEqualTo(GrantedPurposes.NONE);
        assertThat(SignedPurposes.verify(only("POST", "/internal/choices").purposes(), user)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void whenConsentServiceIsTooSlowNothingIsGranted() {
        consentDelayMillis = 1500;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).queryParam("q", "jazz").get("/api/v1/me/search").then().statusCode(200);
        assertThat(SignedPurposes.verify(only("GET", "/internal/users/" + user + "/search").purposes(), user)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void aViewOfConsentsForAnotherUserGrantsNothing() {
        consentPurposes = null;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).get("/api/v1/me/home").then().statusCode(200);
        assertThat(SignedPurposes.verify(only("GET", "/internal/users/" + user + "/home").purposes(), user)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void searchSendsTheTrimmedQueryMaturityDeviceLimitLocalHourAndPurposes() {
        String user = UUID.randomUUID().toString();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        int hourBefore = ZonedDateTime.now(tokyo).getHour();
        given().auth().oauth2(Tokens.user(user)).queryParam("q", "  jazz age ").queryParam("device", "tv")
                .queryParam("limit", "5").get("/api/v1/me/search").then().statusCode(200)
                .body("query", equalTo("jazz age")).body("results[0].titleId", equalTo("t-1"));
        int hourAfter = ZonedDateTime.now(tokyo).getHour();

        Seen search = only("GET", "/internal/users/" + user + "/search");
        assertThat(SignedPurposes.verify(search.purposes(), user)).isEqualTo(SignedPurposes.of("personalization", "search-history"));
        assertThat(search.query()).contains("q=jazz+age", "maturity=12", "device=tv", "limit=5");
        assertThat(search.query()).containsAnyOf("hour=" + hourBefore + "&", "hour=" + hourAfter + "&",
                "hour=" + hourBefore, "hour=" + hourAfter);
    }

    @Test
    void searchWithoutDeviceOrLimitAsksForTwenty() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).queryParam("q", "ab").get("/api/v1/me/search").then().statusCode(200);
        String query = only("GET", "/internal/users/" + user + "/search").query();
        assertThat(query).contains("limit=20").doesNotContain("device=");
    }

    @Test
    void forgettingAnEventAsksProfileServiceForTheCallersEvent() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).delete("/api/v1/me/history/{eventId}", EVENT_ID.toUpperCase())
                .then().statusCode(204);
        only("DELETE", "/internal/users/" + user + "/history/" + EVENT_ID);
    }

    @Test
    void anEventNotInTheCallersHistoryIsProfileServices404Problem() {
        forgetStatus = 404;
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user(user)).delete("/api/v1/me/history/{eventId}", EVENT_ID)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/api/v1/me/history/" + EVENT_ID));
    }

    @Test
    void adminModelRoutesReachRanking() {
        String admin = Tokens.admin(UUID.randomUUID().toString());
        given().auth().oauth2(admin).get("/api/v1/admin/models").then().statusCode(200).body("modelId", hasItem("ease-7"));
        given().auth().oauth2(admin).get("/api/v1/admin/models/training").then().statusCode(200).body("state", equalTo("IDLE"));
        given().auth().oauth2(admin).post("/api/v1/admin/models/training").then().statusCode(202).body("state", equalTo("RUNNING"));
        only("POST", "/internal/models/training");
        trainingStatus = 409;
        given().auth().oauth2(admin).post("/api/v1/admin/models/training").then().statusCode(409)
                .contentType("application/problem+json").body("instance", equalTo("/api/v1/admin/models/training"));
    }

    private static Seen only(String method, String path) {
        List<Seen> calls = SEEN.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
        assertThat(calls).as(method + " " + path + " among " + SEEN).hasSize(1);
        return calls.get(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/token")) {
            // The gateway's client-credentials grant (StubServicesPort points its OIDC client here).
            send(exchange, 200, "{\"access_token\": \"" + StubServices.SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}");
            return;
        }
        if (!("Bearer " + StubServices.SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{}");
            return;
        }
        SEEN.add(new Seen(method, path, String.valueOf(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Serenade-Purposes")));
        Matcher user = USER_PATH.matcher(path);
        String userId = user.matches() ? user.group(1) : null;
        String route = method + " " + (user.matches() ? user.group(2).replaceFirst("^history/.*", "history") : path);
        switch (route) {
            case "GET profile" -> send(exchange, 200, profile);
            case "GET consents" -> {
                sleep(consentDelayMillis);
                send(exchange, consentStatus, consentPurposes == null
                        ? "{\"userId\": \"someone-else\", \"purposes\": [{\"purpose\": \"personalization\", \"state\": \"GRANTED\"}]}"
                        : "{\"userId\": \"" + userId + "\", \"policyVersion\": \"2025-01\", \"purposes\": [" + consentPurposes + "]}");
            }
            case "GET home" -> send(exchange, 200, pageTitles > 0 ? bigHome(userId, pageTitles) : home(userId));
            case "GET search" -> send(exchange, 200, """
                    {"query": "jazz age", "personalized": true, "results": [{"titleId": "t-1", "name": "One", "genres": ["jazz"],
                     "maturityRating": "all", "score": 0.8, "relevance": 0.9, "personal": 0.4, "reasons": ["Matches the title"]}]}""");
            case "DELETE history" -> send(exchange, forgetStatus, forgetStatus == 204 ? null
                    : "{\"type\": \"urn:serenade:problem:not-found\", \"title\": \"Not Found\", \"status\": 404, \"detail\": \"no such event\"}");
            case "POST /internal/choices" -> send(exchange, 200, "{\"choices\": []}");
            case "GET /internal/models" -> send(exchange, 200, "[{\"modelId\": \"ease-7\", \"trainedAt\": \"2025-03-01T10:00:00Z\"}]");
            case "GET /internal/models/training" -> send(exchange, 200, "{\"state\": \"IDLE\"}");
            case "POST /internal/models/training" -> send(exchange, trainingStatus, trainingStatus == 202
                    ? "{\"state\": \"RUNNING\", \"percent\": 0}"
                    : "{\"type\": \"urn:serenade:problem:conflict\", \"title\": \"Conflict\", \"status\": 409, \"detail\": \"a training is running\"}");
            default -> send(exchange, 404, "{\"status\": 404, \"title\": \"Not Found\"}");
        }
    }

    /** A page of one row with {@code titles} titles t-0, t-1, … */
    private static String bigHome(String userId, int titles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < titles; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"titleId": "t-%d", "name": "T", "genres": [], "maturityRating": "all", "score": 0.5,
                     "reason": {"code": "trending", "text": "Trending now", "personal": false}}""".formatted(i));
        }
        return """
                {"userId": "%s", "personalized": false, "generatedAt": "2025-03-01T10:00:00Z",
                 "rows": [{"id": "trending", "heading": "Trending now", "items": [%s]}]}""".formatted(userId, items);
    }

    private static String home(String userId) {
        return """
                {"userId": "%s", "personalized": true, "modelId": "ease-7", "generatedAt": "2025-03-01T10:00:00Z",
                 "rows": [{"id": "top", "heading": "Top picks", "items": [
                   {"titleId": "t-1", "name": "One", "genres": ["drama"], "maturityRating": "12", "score": 0.9,
                    "reason": {"code": "because-watched", "text": "Because you watched Two", "personal": true},
                    "explanation": {"personalScore": 0.7, "popularityScore": 0.2, "otherShare": 0.1, "because": [
                      {"eventId": "%s", "titleId": "t-2", "titleName": "Two", "type": "PLAY",
                       "occurredAt": "2025-02-28T21:00:00Z", "contribution": 0.63, "share": 0.9}]}},
                   {"titleId": "t-3", "name": "Three", "genres": [], "maturityRating": "all", "score": 0.5,
                    "reason": {"code": "popular", "text": "Popular now", "personal": false}}]}]}""".formatted(userId, EVENT_ID);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
