package io.serenade.consent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.serenade.consent.repository.ExportRepository;
import io.serenade.events.DataCategories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Transparency and exports, against stand-ins for profile-, ranking- and artwork-service on a local port: what
 * consent-service asks them, how it combines their answers with its own data, and what it does when one fails.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class UserDataTest {

    /** The stand-ins' provider issues this to consent-service, and the stand-ins accept no call without it. */
    private static final String SERVICE_TOKEN = "consent-service-identity";
    private static final Pattern PATH = Pattern.compile("/(profile|ranking|artwork)/internal/users/([^/]+)/(data|export)");
    private static final Instant FIRST = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant LAST = Instant.parse("2026-11-20T18:30:00Z");

    private static HttpServer services;
    private static ExecutorService threads;

    // What the stand-ins answer; each test sets what it needs, the rest keep these defaults.
    private static volatile String holdingUser;
    private static volatile int profileEvents;
    private static volatile long profileDelayMillis;
    private static volatile String wrongUserFrom;
    private static final Set<String> DOWN = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private final ExportRepository exports;

    UserDataTest(ExportRepository exports) {
        this.exports = exports;
    }

    @BeforeEach
    void reset() throws IOException {
        if (services == null) {
            int port = Integer.parseInt(System.getProperty(StubServicesPort.PORT_PROPERTY));
            services = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            threads = Executors.newCachedThreadPool();
            services.setExecutor(threads);
            services.createContext("/", UserDataTest::answer);
            services.start();
        }
        holdingUser = null;
        profileEvents = 3;
        profileDelayMillis = 0;
        wrongUserFrom = null;
        DOWN.clear();
        FAILURES_LEFT.clear();
        SEEN.clear();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop(0);
            threads.shutdownNow();
        }
    }

    // ---- transparency

    @Test
    void transparencyCombinesEveryServicesHoldingsWithItsOwnPerCategory() {
        String user = Consents.user();
        holdingUser = user;
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\",\"notifications\":\"DENIED\"}}").statusCode(200);
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "r-1", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DataUseTest.total(user) == 1);

        JsonPath view = asGateway().get("/internal/users/{u}/transparency", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("generatedAt", notNullValue())
                .body("unavailable", empty())
                .body("categories.category", contains(DataCategories.ALL.toArray()))
                .body("categories.description", hasItem(notNullValue()))
                .extract().jsonPath();

        assertThat(view.getInt(at("interaction-history") + ".count")).isEqualTo(3 + 5);
        assertThat(view.getString(at("interaction-history") + ".oldest")).isEqualTo(FIRST.toString());
        assertThat(view.getString(at("interaction-history") + ".newest")).isEqualTo(LAST.toString());
        assertThat(view.getString(at("interaction-history") + ".retention")).isEqualTo("P730D");
        assertThat(view.getList(at("interaction-history") + ".purposes")).containsExactly(
                "personalization", "artwork-personalization", "experimentation", "assistant-context");
        assertThat(view.getList(at("interaction-history") + ".heldBy.service"))
                .containsExactlyInAnyOrder("profile-service", "ranking-service");
        assertThat(view.getInt(at("inferred-affinities") + ".count")).isEqualTo(12);
        assertThat(view.getInt(at("artwork-context") + ".count")).isEqualTo(7);
        assertThat(view.getString(at("artwork-context") + ".retention")).isEqualTo("P90D");
        assertThat(view.getInt(at("consents") + ".count")).isEqualTo(2);
        assertThat(view.getString(at("consents") + ".heldBy[0].store")).isEqualTo("postgresql:consent_ledger");
        assertThat(view.getString(at("consents") + ".retention")).isNull();
        assertThat(view.getInt(at("data-use-log") + ".count")).isEqualTo(1);
        assertThat(view.getString(at("data-use-log") + ".heldBy[0].service")).isEqualTo("consent-service");
        assertThat(view.getString(at("data-use-log") + ".retention")).isEqualTo("P365D");
        assertThat(view.getInt(at("search-history") + ".count")).as("held by nobody, listed anyway").isZero();
        assertThat(view.getList(at("search-history") + ".heldBy")).isEmpty();
        assertThat(view.getString(at("search-history") + ".oldest")).isNull();
        assertThat(SEEN).contains("profile " + user + " data", "ranking " + user + " data", "artwork " + user + " data");
    }

    @Test
    void aServiceThatFailsIsListedUnavailableAndTheRestIsShown() {
        String user = Consents.user();
        holdingUser = user;
        DOWN.add("ranking");
        JsonPath view = asGateway().get("/internal/users/{u}/transparency", user).then().statusCode(200)
                .body("unavailable", contains("ranking-service"))
                .extract().jsonPath();
        assertThat(view.getInt(at("interaction-history") + ".count")).isEqualTo(3);
        assertThat(view.getInt(at("inferred-affinities") + ".count")).isZero();
        assertThat(view.getInt(at("artwork-context") + ".count")).isEqualTo(7);
    }

    @Test
    void anotherUserSeesNoneOfTheFirstUsersData() {
        String user = Consents.user();
        String other = Consents.user();
        holdingUser = user;
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(200);
        JsonPath view = asGateway().get("/internal/users/{u}/transparency", other).then().statusCode(200)
                .body("userId", equalTo(other)).extract().jsonPath();
        assertThat(view.getList("categories.count", Integer.class)).containsOnly(0);
        assertThat(SEEN).allMatch(s -> s.contains(" " + other + " "));
    }

    @Test
    void aBadUserIdIsA400() {
        asGateway().get("/internal/users/{u}/transparency", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        assertThat(SEEN).isEmpty();
    }

    // ---- exports

    @Test
    void anExportOfTenThousandEventsAssemblesEveryPartIntoOneArchive() {
        String user = Consents.user();
        profileEvents = 10_000;
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\"}}").statusCode(200);
        Consents.put(user, "{\"consents\":{\"personalization\":\"WITHDRAWN\"}}").statusCode(200);
        Kafka.send(TestTopics.DATA_USE, user, DataUseTest.record(user, "r-1", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DataUseTest.total(user) == 1);

        var started = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("progress.keySet()", contains("profile-service", "ranking-service", "artwork-service", "consent-service"))
                .body("expiresAt", notNullValue())
                .extract();
        String id = started.path("id");
        assertThat(started.header("Location")).endsWith("/internal/users/" + user + "/exports/" + id);

        awaitDone(user, id);
        asGateway().get("/internal/users/{u}/exports/{id}", user, id).then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("completedAt", notNullValue())
                .body("progress.values()", contains("DONE", "DONE", "DONE", "DONE"));

        JsonPath archive = asGateway().get("/internal/users/{u}/exports/{id}/archive", user, id).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(archive.getString("userId")).isEqualTo(user);
        assertThat(archive.getString("createdAt")).isNotNull();
        assertThat(archive.getList("services.'profile-service'.data.'interaction-history'")).hasSize(10_000);
        assertThat(archive.getString("services.'ranking-service'.data.'inferred-affinities'[0].explanation"))
                .isEqualTo("from 12 plays of drama titles");
        assertThat(archive.getString("services.'artwork-service'.service")).isEqualTo("artwork-service");
        assertThat(archive.getList("consents.history.state")).containsExactly("WITHDRAWN", "GRANTED");
        assertThat(archive.getString("consents.current.purposes.find { it.purpose == 'personalization' }.state"))
                .isEqualTo("WITHDRAWN");
        assertThat(archive.getList("dataUse.requestId")).containsExactly("r-1");
        assertThat(archive.getList("missing")).isEmpty();
    }

    @Test
    void aSecondRequestWhileOneRunsGetsTheRunningOneAndItsArchiveIsAConflictUntilDone() {
        String user = Consents.user();
        profileDelayMillis = 1500;
        String id = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");
        asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).body("id", equalTo(id));
        asGateway().get("/internal/users/{u}/exports/{id}/archive", user, id).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));

        awaitDone(user, id);
        asGateway().get("/internal/users/{u}/exports/{id}/archive", user, id).then().statusCode(200)
                .body("userId", equalTo(user));
        String next = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");
        assertThat(next).as("a finished export does not block a new one").isNotEqualTo(id);
        awaitDone(user, next);
    }

    @Test
    void aServiceFailingTwiceIsRetriedAndOneThatStaysDownIsMissingFromTheArchive() {
        String user = Consents.user();
        FAILURES_LEFT.put("ranking", new AtomicInteger(2));
        DOWN.add("artwork");
        String id = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");

        awaitDone(user, id);
        asGateway().get("/internal/users/{u}/exports/{id}", user, id).then().statusCode(200)
                .body("progress.'ranking-service'", equalTo("DONE"))
                .body("progress.'artwork-service'", equalTo("FAILED"))
                .body("progress.'profile-service'", equalTo("DONE"));
        JsonPath archive = asGateway().get("/internal/users/{u}/exports/{id}/archive", user, id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(archive.getList("missing")).containsExactly("artwork-service");
        assertThat(archive.getMap("services")).containsOnlyKeys("profile-service", "ranking-service");
        assertThat(SEEN.stream().filter(s -> s.equals("ranking " + user + " export")).count()).as("two failures, one success").isEqualTo(3);
        assertThat(SEEN.stream().filter(s -> s.equals("artwork " + user + " export")).count()).as("first try and two retries").isEqualTo(3);
    }

    @Test
    void aPartAboutAnotherUserIsNeverPutInTheArchive() {
        String user = Consents.user();
        wrongUserFrom = "profile";
        String id = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");
        awaitDone(user, id);
        JsonPath archive = asGateway().get("/internal/users/{u}/exports/{id}/archive", user, id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(archive.getList("missing")).containsExactly("profile-service");
        assertThat(archive.getMap("services")).doesNotContainKey("profile-service");
    }

    @Test
    void anotherUsersExportIsNotFound() {
        String user = Consents.user();
        String other = Consents.user();
        String id = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");
        awaitDone(user, id);
        asGateway().get("/internal/users/{u}/exports/{id}", other, id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asGateway().get("/internal/users/{u}/exports/{id}/archive", other, id).then().statusCode(404)
                .contentType("application/problem+json");
        asGateway().get("/internal/users/{u}/exports/{id}", user, java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badIdsAre400Problems() {
        asGateway().get("/internal/users/{u}/exports/{id}", "u1", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        asGateway().get("/internal/users/{u}/exports/{id}/archive", "u1", "1234").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        asGateway().post("/internal/users/{u}/exports", "bad user").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        assertThat(SEEN).isEmpty();
    }

    @Test
    void expiredArchivesArePurged() {
        String user = Consents.user();
        String id = asGateway().post("/internal/users/{u}/exports", user).then().statusCode(202).extract().path("id");
        awaitDone(user, id);
        exports.purgeExpired(Instant.now().plus(Duration.ofDays(8))).await().atMost(Duration.ofSeconds(10));
        asGateway().get("/internal/users/{u}/exports/{id}", user, id).then().statusCode(404);
    }

    private static void awaitDone(String user, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(asGateway().get("/internal/users/{u}/exports/{id}", user, id).then().statusCode(200)
                        .extract().path("status")));
    }

    /** The GPath of one category in a transparency view. */
    private static String at(String category) {
        return "categories.find { it.category == '" + category + "' }";
    }

    // ---- the stand-ins

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/token")) {
                // consent-service's client-credentials grant: the stand-in provider issues the one token they accept.
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                respond(exchange, form.contains("grant_type=client_credentials") ? 200 : 400,
                        "{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}");
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // As the real services do: no call without consent-service's identity.
                respond(exchange, 401, "{}");
                return;
            }
            if (!m.matches()) {
                respond(exchange, 404, "{}");
                return;
            }
            String service = m.group(1);
            String user = m.group(2);
            String route = m.group(3);
            SEEN.add(service + " " + user + " " + route);
            AtomicInteger failures = FAILURES_LEFT.get(service);
            if (DOWN.contains(service) || (failures != null && failures.getAndDecrement() > 0)) {
                respond(exchange, 500, "{}");
                return;
            }
            if (route.equals("data")) {
                respond(exchange, 200, summary(service, user.equals(holdingUser)));
                return;
            }
            if (service.equals("profile") && profileDelayMillis > 0) {
                Thread.sleep(profileDelayMillis);
            }
            respond(exchange, 200, export(service, service.equals(wrongUserFrom) ? "someone-else" : user));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String summary(String service, boolean holds) {
        String holdings = !holds ? "" : switch (service) {
            case "profile" -> holding("profile", "postgresql:profiles", 1) + ","
                    + holding("interaction-history", "postgresql:interactions", 3);
            case "ranking" -> holding("interaction-history", "postgresql:user_events", 5) + ","
                    + holding("inferred-affinities", "postgresql:affinities", 12);
            default -> holding("artwork-context", "redis:aw:impressions", 7) + ","
                    + holding("search-history", "postgresql:nothing", 0);
        };
        // With a field of a newer service version, which consent-service must skip, not refuse (TolerantAnswers).
        return "{\"version\":1,\"service\":\"" + service + "-service\",\"holdings\":[" + holdings + "],\"addedLater\":true}";
    }

    private static String holding(String category, String store, long count) {
        return "{\"category\":\"" + category + "\",\"store\":\"" + store + "\",\"count\":" + count
                + ",\"oldest\":\"" + FIRST + "\",\"newest\":\"" + LAST + "\"}";
    }

    private static String export(String service, String user) {
        StringBuilder data = new StringBuilder();
        switch (service) {
            case "profile" -> {
                data.append("\"profile\":{\"favouriteGenres\":[\"drama\"]},\"interaction-history\":[");
                for (int i = 0; i < profileEvents; i++) {
                    data.append(i == 0 ? "" : ",").append("{\"eventId\":\"e-").append(i)
                            .append("\",\"type\":\"PLAY\",\"titleId\":\"t-").append(i % 500)
                            .append("\",\"occurredAt\":\"").append(FIRST.plusSeconds(i)).append("\"}");
                }
                data.append(']');
            }
            case "ranking" -> data.append("\"inferred-affinities\":[{\"genre\":\"drama\",\"weight\":0.7,")
                    .append("\"explanation\":\"from 12 plays of drama titles\"}]");
            default -> data.append("\"artwork-context\":[{\"titleId\":\"t-1\",\"artworkId\":\"a-2\",\"shownAt\":\"")
                    .append(LAST).append("\"}]");
        }
        return "{\"version\":1,\"service\":\"" + service + "-service\",\"userId\":\"" + user + "\",\"exportedAt\":\""
                + LAST + "\",\"data\":{" + data + "}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
