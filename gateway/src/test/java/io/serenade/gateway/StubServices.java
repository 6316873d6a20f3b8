package io.serenade.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.serenade.events.Purposes;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-ins for profile-, ranking-, consent- and artwork-service on the port {@link StubServicesPort} chose, answering
 * every internal route the gateway calls with a plausible body, recording every call (method, path, query, the
 * purposes header and the body). A test overrides the routes it cares about with {@link #on}.
 */
final class StubServices {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXPORT_ID = "0b8f7a5e-3c1d-4a8e-9f00-00000000e001";
    static final String ERASURE_ID = "0b8f7a5e-3c1d-4a8e-9f00-00000000e002";
    static final String UPDATED_AT = "2025-03-01T10:00:00Z";

    record Seen(String method, String path, String query, String purposes, String body) {
        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        static Answer problem(int status, String detail) {
            return new Answer(status, "{\"type\": \"urn:serenade:problem:stub\", \"title\": \"Stub\", \"status\": " + status
                    + ", \"detail\": \"" + detail + "\"}");
        }
    }

    @FunctionalInterface
    interface Handler {
        Answer answer(Matcher route, Seen request) throws IOException;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private static final String USER = "/internal/users/([^/]+)";

    /** What the stand-in provider issues to the gateway; every stand-in route refuses a call without it. */
    static final String SERVICE_TOKEN = "gateway-service-identity";

    /** Calls that came without the gateway's service identity (each was refused with a 401). */
    final AtomicInteger unauthenticated = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Route> defaults = new ArrayList<>();
    private final Map<String, Route> overrides = new ConcurrentHashMap<>();

    /** The purposes the consent view grants to every user unless a test overrides it. */
    volatile Set<String> granted = Set.copyOf(Purposes.ALL);

    private StubServices(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
        defaults();
    }

    static StubServices start() throws IOException {
        int port = Integer.parseInt(System.getProperty(StubServicesPort.PORT_PROPERTY));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        StubServices stub = new StubServices(server, threads);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Forgets the calls and the overrides, grants every purpose again. */
    void reset() {
        seen.clear();
        unauthenticated.set(0);
        overrides.clear();
        granted = Set.copyOf(Purposes.ALL);
    }

    void on(String method, String pathRegex, Handler handler) {
        overrides.put(method + " " + pathRegex, new Route(method, Pattern.compile(pathRegex), handler));
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<Seen> calls(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    Seen only(String method, String path) {
        List<Seen> calls = calls(method, path);
        if (calls.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + " among " + seen);
        }
        return calls.get(0);
    }

    private void defaults() {
        get(USER + "/profile", (m, r) -> Answer.ok("""
                {"userId": "%s", "displayName": "Stub Person", "locale": "en-GB", "timeZone": "Europe/London",
                 "maturityRating": "13+", "favouriteGenres": ["drama"], "diversity": 0.3}""".formatted(m.group(1))));
        route("PUT", USER + "/profile", (m, r) -> Answer.ok(r.body()));
        get(USER + "/consents", (m, r) -> Answer.ok(consentView(m.group(1), granted, UPDATED_AT)));
        route("PUT", USER + "/consents", (m, r) -> Answer.ok(consentViewAfter(m.group(1), JSON.readTree(r.body()))));
        get(USER + "/consents/history", (m, r) -> Answer.ok("{\"items\": [], \"page\": 0, \"size\": 50, \"total\": 0}"));
        get(USER + "/home", (m, r) -> Answer.ok(home(m.group(1), true)));
        get(USER + "/search", (m, r) -> Answer.ok("""
                {"query": "jazz", "personalized": true, "results": [{"titleId": "t-1", "name": "One", "genres": ["jazz"],
                 "maturityRating": "all", "score": 0.8, "relevance": 0.9, "personal": 0.4, "reasons": ["Matches the title"]}]}"""));
        get(USER + "/history", (m, r) -> Answer.ok("""
                {"items": [
                  {"eventId": "e-1", "titleId": "t-1", "type": "PLAY", "occurredAt": "2025-03-01T10:00:00Z"},
                  {"eventId": "e-2", "type": "SEARCH", "query": "space", "occurredAt": "2025-03-01T09:00:00Z"},
                  {"eventId": "e-3", "titleId": "t-9", "type": "IMPRESSION", "occurredAt": "2025-03-01T08:00:00Z"},
                  {"eventId": "e-4", "titleId": "t-2", "type": "RATING", "value": 4.5, "occurredAt": "2025-03-01T07:00:00Z"},
                  {"eventId": "e-5", "titleId": "t-1", "type": "COMPLETE", "occurredAt": "2025-03-01T06:00:00Z"},
                  {"eventId": "e-6", "titleId": "t-gone", "type": "PLAY", "occurredAt": "2025-03-01T05:00:00Z"}],
                 "page": 0, "size": 100, "total": 6}"""));
        route("DELETE", USER + "/history/[^/]+", (m, r) -> new Answer(204, null));
        route("POST", "/internal/choices", (m, r) -> {
            JsonNode request = JSON.readTree(r.body());
            ArrayNode choices = JSON.createArrayNode();
            for (JsonNode title : request.path("titleIds")) {
                choices.addObject().put("titleId", title.asText()).put("artworkId", "a-" + title.asText())
                        .put("imageUrl", "/api/v1/artwork/a-" + title.asText() + ".svg").put("impressionId", UUID.randomUUID().toString())
                        .put("propensity", 0.5).put("policy", "thompson").putObject("why").put("code", "personal").put("text", "Yours");
            }
            return Answer.ok("{\"choices\": " + choices + ", \"addedInALaterVersion\": 1}");
        });
        get(USER + "/affinities", (m, r) -> Answer.ok("""
                {"genres": [{"name": "drama", "weight": 0.6}, {"name": "jazz", "weight": 0.3}],
                 "themes": [{"name": "heist", "weight": 0.4}], "basedOnEvents": 12}"""));
        get("/internal/titles/t-gone", (m, r) -> Answer.problem(404, "no such title"));
        get("/internal/titles/([^/]+)", (m, r) -> Answer.ok("{\"titleId\": \"" + m.group(1) + "\", \"name\": \"Title " + m.group(1) + "\"}"));
        get("/internal/purposes", (m, r) -> Answer.ok("""
                [{"purpose": "personalization", "description": "Recommendations from what you watch",
                  "dataCategories": ["profile", "interaction-history", "inferred-affinities"], "retention": "P730D", "policyVersion": "2025-01"}]"""));
        get(USER + "/transparency", (m, r) -> Answer.ok("""
                {"userId": "%s", "categories": [{"category": "interaction-history", "count": 6, "service": "profile-service"}]}"""
                .formatted(m.group(1))));
        get(USER + "/data-use", (m, r) -> Answer.ok("{\"items\": [], \"page\": 0, \"size\": 50, \"total\": 0}"));
        route("POST", USER + "/exports", (m, r) -> new Answer(202,
                "{\"id\": \"" + EXPORT_ID + "\", \"status\": \"RUNNING\", \"progress\": {\"profile-service\": \"PENDING\"}}"));
        get(USER + "/exports/([^/]+)", (m, r) -> Answer.ok(
                "{\"id\": \"" + m.group(2) + "\", \"status\": \"DONE\", \"progress\": {\"profile-service\": \"DONE\"}}"));
        get(USER + "/exports/([^/]+)/archive", (m, r) -> Answer.ok(
                "{\"userId\": \"" + m.group(1) + "\", \"exportId\": \"" + m.group(2) + "\", \"services\": {}}"));
        route("POST", USER + "/erasure", (m, r) -> new Answer(202,
                "{\"id\": \"" + ERASURE_ID + "\", \"status\": \"RUNNING\", \"services\": {\"gateway\": \"PENDING\"}}"));
        get(USER + "/erasure/([^/]+)", (m, r) -> Answer.ok(
                "{\"id\": \"" + m.group(2) + "\", \"status\": \"COMPLETED\", \"services\": {\"gateway\": \"DONE\"}}"));
        route("POST", "/internal/notifications/decisions", (m, r) -> Answer.ok("""
                {"decision": "ALLOW", "deferUntil": null, "reason": "allowed", "decidedAt": "2025-03-01T10:00:00Z"}"""));
        get(USER + "/notifications/settings", (m, r) -> Answer.ok(
                "{\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}"));
        route("PUT", USER + "/notifications/settings", (m, r) -> Answer.ok(r.body()));
        get(USER + "/notifications/decisions", (m, r) -> Answer.ok("{\"items\": [], \"page\": 0, \"size\": 50, \"total\": 0}"));
        get("/internal/models", (m, r) -> Answer.ok("[]"));
    }

    private void get(String path, Handler handler) {
        route("GET", path, handler);
    }

    private void route(String method, String path, Handler handler) {
        defaults.add(new Route(method, Pattern.compile(path), handler));
    }

    static String consentView(String userId, Set<String> granted, String updatedAt) {
        ObjectNode view = JSON.createObjectNode().put("userId", userId).put("policyVersion", "2025-01");
        ArrayNode purposes = view.putArray("purposes");
        for (String p : Purposes.ALL) {
            ObjectNode entry = purposes.addObject().put("purpose", p);
            if (granted.contains(p)) {
                entry.put("state", "GRANTED").put("policyVersion", "2025-01").put("updatedAt", updatedAt);
            } else {
                entry.put("state", "NOT_SET");
            }
        }
        return view.toString();
    }

    /** consent-service's answer to a PUT: the states asked for, stamped now. */
    private static String consentViewAfter(String userId, JsonNode update) {
        String now = Instant.now().toString();
        ObjectNode view = JSON.createObjectNode().put("userId", userId).put("policyVersion", "2025-01");
        ArrayNode purposes = view.putArray("purposes");
        for (String p : Purposes.ALL) {
            JsonNode state = update.path("consents").path(p);
            ObjectNode entry = purposes.addObject().put("purpose", p);
            if (state.isTextual()) {
                entry.put("state", state.textValue()).put("policyVersion", "2025-01").put("updatedAt", now);
            } else {
                entry.put("state", "NOT_SET");
            }
        }
        return view.toString();
    }

    /** Also a field of a newer ranking-service, which the gateway must skip, not refuse (the kit's TolerantAnswers). */
    static String home(String userId, boolean personalized) {
        return """
                {"userId": "%s", "personalized": %s, "modelId": "ease-7", "generatedAt": "2025-03-01T10:00:00Z",
                 "addedInALaterVersion": {"any": "shape"},
                 "rows": [{"id": "top", "heading": "Top picks", "items": [
                   {"titleId": "t-1", "name": "One", "genres": ["drama"], "maturityRating": "12", "score": 0.9,
                    "reason": {"code": "popular", "text": "Popular now", "personal": false}}]}]}""".formatted(userId, personalized);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] in = exchange.getRequestBody().readAllBytes();
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Serenade-Purposes"),
                    new String(in, StandardCharsets.UTF_8));
            if (request.path().equals("/token")) {
                // The gateway's client-credentials grant: the stand-in provider issues the one token the stand-ins accept.
                send(exchange, request.body().contains("grant_type=client_credentials")
                        ? Answer.ok("{\"access_token\": \"" + SERVICE_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")
                        : Answer.problem(400, "not a client-credentials grant"));
                return;
            }
            if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // As the real services do: no internal call without the gateway's service identity.
                unauthenticated.incrementAndGet();
                send(exchange, Answer.problem(401, "no service identity"));
                return;
            }
            seen.add(request);
            Answer answer = Answer.problem(404, "no stub for this route");
            boolean found = false;
            for (Route route : overrides.values()) {
                Matcher m = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && m.matches()) {
                    answer = route.handler().answer(m, request);
                    found = true;
                    break;
                }
            }
            for (int i = 0; !found && i < defaults.size(); i++) {
                Route route = defaults.get(i);
                Matcher m = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && m.matches()) {
                    answer = route.handler().answer(m, request);
                    found = true;
                }
            }
            send(exchange, answer);
        } catch (RuntimeException e) {
            send(exchange, Answer.problem(500, "stub failed: " + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
