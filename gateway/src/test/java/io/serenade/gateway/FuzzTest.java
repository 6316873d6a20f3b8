package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 malformed requests, generated from a fixed seed, over the public API with a valid user token: bad
 * JSON, wrong types, odd and huge query parameters, bad ids, wrong content types and methods, path tricks, and
 * raw requests no client library would send, and strict-input defects in otherwise valid bodies of every member
 * route (control characters, fields naming a user, unknown fields, enums by ordinal). Every one is refused with a
 * 4xx (with a problem+json body, unless the request is not even HTTP a client library would send), none is a 5xx,
 * and nothing is written: the stand-in services see no PUT, POST or DELETE and no topic the gateway writes grows.
 * The rate limit is off here: it would refuse the flood for the wrong reason.
 */
@QuarkusTest
@TestProfile(FuzzTest.NoRateLimit.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class FuzzTest extends StubbedServicesTest {

    public static class NoRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serenade.gateway.rate-limit.enabled", "false");
        }
    }

    static final long SEED = 20261124L;
    static final int REQUESTS = 10_000;
    static final int THREADS = 4;
    /** The connection closed without a status line: as much a failure as a 5xx. */
    static final int NO_ANSWER = 0;
    private static final AtomicInteger RETRIES = new AtomicInteger();
    /** Refusals of well-formed HTTP requests that came without an RFC 9457 body. */
    private static final List<String> NOT_PROBLEMS = Collections.synchronizedList(new ArrayList<>());

    @TestHTTPResource("/")
    URL base;

    /** One generated request; {@code raw} requests go over a plain socket, exactly as written. */
    record Fuzzed(String method, String target, String contentType, byte[] body, boolean raw, String what) {
    }

    @Test
    void tenThousandMalformedRequestsAreRefusedWithoutA5xxOrAWrite() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        String token = Tokens.user("fuzz-" + UUID.randomUUID());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> notRefused = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();

        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            Random random = new Random(SEED + w);
            done.add(workers.submit(() -> {
                for (int i = 0; i < REQUESTS / THREADS; i++) {
                    Fuzzed request = generate(random);
                    int status = send(client, token, request);
                    sent.incrementAndGet();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status < 400 || status >= 500) {
                        notRefused.add(status + " " + request.method() + " " + abbreviated(request.target()) + " (" + request.what()
                                + (request.body() == null ? "" : ", body " + abbreviated(new String(request.body(), StandardCharsets.UTF_8)))
                                + (request.contentType() == null ? "" : ", " + request.contentType()) + ")");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        Thread.sleep(1000); // data-use records are published after the response: give a stray one time to show

        Map<Integer, Integer> histogram = new TreeMap<>();
        statuses.forEach((s, n) -> histogram.put(s, n.get()));
        System.out.println("fuzz: " + sent.get() + " requests, statuses " + histogram + ", " + RETRIES.get()
                + " sent again after a reused connection closed, " + stub.seen().size() + " service calls");
        assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(notRefused.subList(0, Math.min(40, notRefused.size())))
                .as(notRefused.size() + " malformed requests not refused with a 4xx (the first 40)").isEmpty();
        assertThat(histogram.keySet()).as("no 5xx, no connection closed unanswered").allMatch(s -> s >= 400 && s < 500);
        assertThat(NOT_PROBLEMS.subList(0, Math.min(40, NOT_PROBLEMS.size())))
                .as(NOT_PROBLEMS.size() + " refusals without a problem+json body (the first 40)").isEmpty();
        assertThat(stub.seen().stream().filter(StubServices.Seen::writes).toList()).as("no write reached a service").isEmpty();
        assertThat(endOffsets()).as("no record published").isEqualTo(before);
    }

    // --- generation

    private static final String UUID_OK = "0b8f7a5e-3c1d-4a8e-9f00-00000000e001";
    private static final String[] JUNK = {"", " ", "%20", "%00", "%0d%0aX-Injected:%20yes", "null", "undefined", "NaN", "-1",
            "1e999", "9999999999999999999999", "0x1F", "%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "..%2F..%2Fetc%2Fpasswd", "%F0%9F%92%A5", "%C3%BC", "%E2%80%AE", "%5B%5D", "%7B%7D", "true", "a;b", "%25", "%2e%2e"};

    /**
     * Invalid values per validated query parameter: each fails the parameter's own check. Not the empty value: a
     * parameter given empty is a parameter not given (JAX-RS), and takes its default.
     */
    private static final Map<String, String[]> BAD = Map.ofEntries(
            Map.entry("page", new String[]{"-1", "01", "1234567", "abc", "%20", "1.5", "1e3", "0x10", "%F0%9F%92%A5", "9999999999999999999"}),
            Map.entry("size", new String[]{"0", "201", "-5", "abc", "1.0", "00", "100000000000", "%00", "ten"}),
            Map.entry("limit", new String[]{"0", "51", "ten", "-1", "5.5", "%2B5", "1000"}),
            Map.entry("device", new String[]{"TV", "tv!", "1tv", "a".repeat(21), "%20tv", "t%C3%BC", "tv%0A", "-tv"}),
            Map.entry("locale", new String[]{"english", "EN", "en_GB", "e", "en-gb", "en-GBR", "%00"}),
            Map.entry("timeZone", new String[]{"%2F", "Europe%2F", "a%2Fb%2Fc%2Fd", "x%3By", "1%2B1", "..%2Fetc", "Europe%2F%2FParis"}),
            Map.entry("localTime", new String[]{"25:00", "12:60", "noon", "1:00", "12:00:00", "-1:00", "%00"}),
            Map.entry("q", new String[]{"", "%20", "a", "%20a%20", "x".repeat(101), "ab%09cd", "a%00b", "ab%0Acd", "%20".repeat(50)}),
            Map.entry("from", new String[]{"yesterday", "2026-01-01", "1900-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "0",
                    "%2B999999999-01-01T00:00:00Z", "2026-01-01T25:00:00Z", "1735689600"}),
            Map.entry("to", new String[]{"tomorrow", "2026-02-30T00:00:00Z", "2200-01-01T00:00:00Z", "-1", "2026-01-01T00:00Z%20x"}));

    private static final String[] BAD_IDS = {"not-a-uuid", UUID_OK.substring(1), UUID_OK + "0", "%27%20OR%201%3D1", "%7Bid%7D",
            UUID_OK.replace('-', '_'), "0b8f7a5e3c1d4a8e9f0000000000e001", "%F0%9F%92%A5", "null", "-1", UUID_OK.replace('e', 'g'),
            UUID_OK + "%00", "%20" + UUID_OK};

    private static final String[] MALFORMED_JSON = {"{", "}", "[", "{\"a\":}", "{\"a\" 1}", "nul", "tru", "\"unterminated",
            "{\"a\":1,}", "[1,2", "{'a': 1}", "\u0000", "\u00ff\u00fe", "{\"a\":\"\\u12\"}", "{\"a\": 01}", "--", "{\"a\":NaN}"};

    private static final String[] NOT_OBJECTS = {"[]", "[1, 2]", "42", "\"text\"", "true", "null", "[{}]", "-0.5"};

    private static final String[] BAD_CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonx", "image/png", "application/json-patch+json", "*/*x"};

    private static final String SETTINGS = "{\"perDay\": 1, \"perWeek\": 3, \"quietStart\": \"22:00\", \"quietEnd\": \"08:00\"}";
    private static final String[][] SETTINGS_MUTATIONS = {{"1,", "\"1\","}, {"1,", "-1,"}, {"1,", "101,"}, {"1,", "1.5,"},
            {"3,", "701,"}, {"3,", "null,"}, {"3,", "[3],"}, {"22:00", "24:00"}, {"22:00", "22-00"}, {"\"08:00\"", "8"},
            {", \"quietEnd\": \"08:00\"", ""}, {"\"perDay\": 1, ", ""}, {"1,", "99999999999999999999,"}, {"\"22:00\"", "{}"}};

    private static final String[] EVENT_MUTATIONS = {"\"type\": \"WATCHED\"", "\"eventId\": \"x\"", "\"userId\": \"someone\"",
            "\"occurredAt\": \"soon\"", "\"value\": \"abc\"", "\"context\": {\"timeZone\": \"Mars/Base\"}", "\"titleId\": \"bad id!\"",
            "\"context\": 5", "\"query\": \"only for searches\"", "\"occurredAt\": \"2099-01-01T00:00:00Z\"", "\"extra\": true"};

    static Fuzzed generate(Random r) {
        int kind = r.nextInt(100);
        if (kind < 22) {
            return badQuery(r);
        } else if (kind < 34) {
            return badId(r);
        } else if (kind < 62) {
            return badBody(r);
        } else if (kind < 70) {
            return badContentType(r);
        } else if (kind < 77) {
            return wrongMethod(r);
        } else if (kind < 84) {
            return pathTrick(r);
        } else if (kind < 88) {
            return hugeQuery(r);
        } else if (kind < 91) {
            return notifierRouteAsUser(r);
        } else if (kind < 96) {
            return strictBody(r);
        }
        return raw(r);
    }

    private static Fuzzed badQuery(Random r) {
        String[][] routes = {{"/api/v1/me/home", "device", "locale", "timeZone", "localTime"}, {"/api/v1/me/search", "q", "device", "limit"},
                {"/api/v1/me/history", "page", "size"}, {"/api/v1/me/consents/history", "page", "size"},
                {"/api/v1/me/data-use", "from", "to", "page", "size"}, {"/api/v1/me/notifications/decisions", "page", "size"}};
        String[] route = pick(r, routes);
        String param = route[1 + r.nextInt(route.length - 1)];
        StringBuilder query = new StringBuilder(param).append('=').append(pick(r, BAD.get(param)));
        if (route[0].endsWith("/search") && !param.equals("q")) {
            query.append("&q=jazz"); // a valid query, so the bad parameter is the only defect
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            query.append('&').append(randomName(r)).append('=').append(pick(r, JUNK));
        }
        if (route[0].endsWith("/data-use") && r.nextBoolean()) {
            // A window that fails on its own: reversed or wider than 366 days.
            query = new StringBuilder(r.nextBoolean() ? "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"
                    : "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        }
        return new Fuzzed("GET", route[0] + "?" + query, null, null, false, "bad " + param);
    }

    private static Fuzzed badId(Random r) {
        String id = pick(r, BAD_IDS);
        return switch (r.nextInt(4)) {
            case 0 -> new Fuzzed("DELETE", "/api/v1/me/history/" + id, null, null, false, "bad event id");
            case 1 -> new Fuzzed("GET", "/api/v1/me/exports/" + id, null, null, false, "bad export id");
            case 2 -> new Fuzzed("GET", "/api/v1/me/exports/" + id + "/archive", null, null, false, "bad export id");
            default -> new Fuzzed("GET", "/api/v1/me/erasure/" + id, null, null, false, "bad erasure id");
        };
    }

    private static Fuzzed badBody(Random r) {
        int route = r.nextInt(7);
        String body;
        String what;
        switch (route) {
            case 0, 1 -> { // pass-through bodies: anything but an object is refused, objects would be written
                body = r.nextBoolean() ? pick(r, MALFORMED_JSON) : pick(r, NOT_OBJECTS);
                what = "profile/consents body";
                return new Fuzzed("PUT", route == 0 ? "/api/v1/me/profile" : "/api/v1/me/consents", "application/json",
                        bytes(body), false, what);
            }
            case 2 -> {
                String[] m = pick(r, SETTINGS_MUTATIONS);
                body = r.nextInt(4) == 0 ? pick(r, r.nextBoolean() ? MALFORMED_JSON : NOT_OBJECTS) : SETTINGS.replace(m[0], m[1]);
                return new Fuzzed("PUT", "/api/v1/me/notifications/settings", "application/json", bytes(body), false, "settings");
            }
            case 3 -> {
                body = switch (r.nextInt(5)) {
                    case 0 -> pick(r, MALFORMED_JSON);
                    case 1 -> pick(r, new String[]{"[]", "[{}]", "42", "null", "\"x\"", "[[]]"});
                    case 2 -> "[" + event(r) + "," + event(r) + "]";
                    case 3 -> "\"" + "x".repeat(70_000) + "\""; // over the 64 KB limit
                    default -> event(r);
                };
                return new Fuzzed("POST", "/api/v1/me/events", "application/json", bytes(body), false, "event");
            }
            case 4, 5 -> {
                body = switch (r.nextInt(3)) {
                    case 0 -> pick(r, MALFORMED_JSON);
                    case 1 -> pick(r, NOT_OBJECTS);
                    default -> "{\"" + randomName(r) + "\": " + (r.nextBoolean() ? "true" : "\"all\"") + "}";
                };
                return new Fuzzed("POST", route == 4 ? "/api/v1/me/exports" : "/api/v1/me/erasure", "application/json",
                        bytes(body), false, "job options");
            }
            default -> {
                body = "[".repeat(2000 + r.nextInt(3000)) + "]".repeat(r.nextInt(10));
                String target = pick(r, new String[]{"/api/v1/me/profile", "/api/v1/me/consents", "/api/v1/me/notifications/settings"});
                return new Fuzzed("PUT", target, "application/json", bytes(body), false, "deep nesting");
            }
        }
    }

    /** An event with exactly one defect: a bad or unknown field (a repeated key: the last one counts), or one missing. */
    private static String event(Random r) {
        String mutation = pick(r, EVENT_MUTATIONS);
        StringBuilder event = new StringBuilder("{\"eventId\": \"").append(UUID.randomUUID()).append("\", \"titleId\": \"t-1\"");
        if (!mutation.startsWith("\"type\"")) {
            event.append(", \"type\": \"PLAY\"");
        }
        if (!mutation.startsWith("\"occurredAt\"")) {
            event.append(", \"occurredAt\": \"2026-11-23T12:00:00Z\"");
        }
        return event.append(", ").append(mutation).append('}').toString();
    }

    /** A valid body of each member route that takes one, with {@code %s} where a text may carry a control character. */
    private static final String[][] VALID_BODIES = {
            {"PUT", "/api/v1/me/profile", "{\"displayName\":\"An%sn\"}"},
            {"PUT", "/api/v1/me/consents", "{\"consents\":{\"experimentation%s\":\"DENIED\"}}"},
            {"PUT", "/api/v1/me/notifications/settings",
                    "{\"perDay\":2,\"perWeek\":5,\"quietStart\":\"22:00%s\",\"quietEnd\":\"07:00\"}"},
            {"POST", "/api/v1/me/events", "{\"type\":\"SEARCH\",\"query\":\"jazz%s\",\"eventId\":\"" + UUID_OK
                    + "\",\"occurredAt\":\"2026-12-07T10:00:00Z\"}"}};
    private static final String[] USER_FIELDS = {"\"userId\":\"someone-else\"", "\"user_id\":\"x\"", "\"user\":\"x\"",
            "\"subject\":\"x\"", "\"preferences\":{\"subject\":\"someone-else\"}"};

    /**
     * Strict input on every member route with a body: a valid body with exactly one defect the JSON is otherwise fine
     * with. A control character (C0 but tab and newline) in a text or a field name, a field naming a user, a field
     * unknown to the route, or an enum given by its ordinal.
     */
    private static Fuzzed strictBody(Random r) {
        String[] route = pick(r, VALID_BODIES);
        String body = switch (r.nextInt(4)) {
            case 0 -> {
                int c;
                do {
                    c = r.nextInt(0x20);
                } while (c == '\t' || c == '\n');
                yield route[2].formatted(String.format("\\u%04x", c));
            }
            case 1 -> withField(route[2].formatted(""), pick(r, USER_FIELDS));
            case 2 -> withField(route[2].formatted(""), "\"" + randomName(r) + "x\": true");
            default -> route[1].endsWith("/consents")
                    ? "{\"consents\":{\"experimentation\":" + pick(r, new String[]{"0", "1", "2", "\"0\"", "\"1\"", "0.0"}) + "}}"
                    : route[1].endsWith("/events")
                    ? route[2].formatted("").replace("\"SEARCH\"", pick(r, new String[]{"0", "5", "\"5\"", "1.0"}))
                    : withField(route[2].formatted(""), "\"userId\": 1");
        };
        return new Fuzzed(route[0], route[1], "application/json", bytes(body), false, "strict input");
    }

    private static String withField(String object, String field) {
        return object.substring(0, object.length() - 1) + "," + field + "}";
    }

    private static Fuzzed badContentType(Random r) {
        String[] targets = {"PUT /api/v1/me/profile", "PUT /api/v1/me/consents", "PUT /api/v1/me/notifications/settings",
                "POST /api/v1/me/events", "POST /api/v1/me/exports", "POST /api/v1/me/erasure"};
        String[] target = pick(r, targets).split(" ");
        // The body is bad too: whichever check comes first, the request is refused.
        String body = r.nextBoolean() ? "not json at all" : "<xml/>";
        return new Fuzzed(target[0], target[1], pick(r, BAD_CONTENT_TYPES), bytes(body), false, "content type");
    }

    private static Fuzzed wrongMethod(Random r) {
        String[] wrong = {"PATCH /api/v1/me/profile", "DELETE /api/v1/me/consents", "PUT /api/v1/me/home", "POST /api/v1/me/search",
                "DELETE /api/v1/me/exports/" + UUID_OK, "PUT /api/v1/me/erasure/" + UUID_OK, "POST /api/v1/me/history",
                "PUT /api/v1/me/transparency", "DELETE /api/v1/me/notifications/settings", "PATCH /api/v1/me/assistant-context",
                "POST /api/v1/me/data-use", "PUT /api/v1/me/events", "DELETE /api/v1/me/history", "POST /api/v1/purposes",
                "PUT /api/v1/me/exports", "PATCH /api/v1/me/notifications/settings", "POST /api/v1/me/notifications/decisions"};
        String[] target = pick(r, wrong).split(" ");
        return new Fuzzed(target[0], target[1], r.nextBoolean() ? "application/json" : null,
                r.nextBoolean() ? bytes("{}") : null, false, "wrong method");
    }

    private static Fuzzed pathTrick(Random r) {
        String[] tricks = {"/api/v1/me/%2e%2e/admin/titles", "/api/v1/me/..;/admin/titles", "//api/v1/admin/titles",
                "/api/v1/admin%2Ftitles", "/api/v1/me/home/%2e%2e/%2e%2e/admin/models", "/api/v1/ADMIN/titles",
                "/api/v1/admin/titles/..%2F..%2Fme", "/api/v1/./admin/models/training", "/api/v1/me/exports/%2e%2e%2f%2e%2e%2fadmin",
                "/api/v1/me/nothing-here", "/api/v2/me/home", "/api/v1/me/exports/" + UUID_OK + "/archive/more",
                "/api/v1/me/erasure/" + UUID_OK + "/%2e%2e", "/api/v1/me/history/%2F%2F",
                "/api/v1/me/notifications", "/api/v1/me/%00/home", "/api/v1/admin/titles%00", "/api/v1/me/exports/%252e%252e",
                "/api/v1/me/home%2F..%2F..%2Fadmin%2Ftitles", "/internal/users/someone/profile", "/api/v1/me/../../internal/users/x/profile"};
        String method = r.nextInt(4) == 0 ? "DELETE" : r.nextBoolean() ? "GET" : "PUT";
        return new Fuzzed(method, pick(r, tricks), method.equals("PUT") ? "application/json" : null,
                method.equals("PUT") ? bytes("[]") : null, r.nextInt(3) == 0, "path trick");
    }

    private static Fuzzed hugeQuery(Random r) {
        String[] params = {"q", "device", "page", "size", "from"};
        String param = pick(r, params);
        String value = "x".repeat(3000 + r.nextInt(12_000));
        String target = switch (param) {
            case "q", "device" -> "/api/v1/me/search?" + param + "=" + value + (param.equals("device") ? "&q=jazz" : "");
            case "from" -> "/api/v1/me/data-use?from=" + value;
            default -> "/api/v1/me/history?" + param + "=" + value;
        };
        // Over a socket of its own: past the request-line limit the server answers 414 and closes the connection.
        return new Fuzzed("GET", target, null, null, true, "huge query");
    }

    private static Fuzzed notifierRouteAsUser(Random r) {
        String body = r.nextBoolean() ? "{\"userId\": \"u-1\", \"kind\": \"new-episode\", \"urgency\": \"HIGH\"}" : pick(r, MALFORMED_JSON);
        return new Fuzzed("POST", "/api/v1/notifications/decisions", "application/json", bytes(body), false, "notifier route");
    }

    /** Requests only a raw socket can send: broken percent-encodings, spaces, raw non-ASCII and braces in the target. */
    private static Fuzzed raw(Random r) {
        String[] targets = {"/api/v1/me/exports/%ZZ", "/api/v1/me/home?device=%ZZ", "/api/v1/me/search?q=%G1%G2",
                "/api/v1/me/history/abc def", "/api/v1/me/data-use?from=2026-01-01T00:00:00Z&to=%", "/api/v1/me/erasure/%",
                "/api/v1/me/home?locale=\u00e9", "/api/v1/me/exports/\u0001", "/api/v1/me/history?page=1%", "*",
                "/api/v1/me/search?q=\"jazz\"&limit=%%35", "/api/v1/me/exports/{id}", "/api/v1/me/home?timeZone=<Europe>"};
        return new Fuzzed(pick(r, new String[]{"GET", "DELETE", "GET", "PUT"}), pick(r, targets), null, null, true, "raw");
    }

    // --- sending

    private int send(HttpClient client, String token, Fuzzed f) {
        if (f.raw()) {
            return sendRaw(token, f);
        }
        URI uri;
        try {
            uri = URI.create(base.toString().replaceAll("/$", "") + f.target());
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(token, f);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(f.method(), f.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(f.body()));
        if (f.contentType() != null) {
            request.header("Content-Type", f.contentType());
        }
        try {
            HttpResponse<Void> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException closedWhileReused) {
                RETRIES.incrementAndGet();
                // The server closes a connection after some refusals (413); a pooled connection may be taken just
                // before its close is seen. Once more on a fresh one: a request that really breaks one breaks both.
                response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            }
            if (response.statusCode() >= 400 && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                NOT_PROBLEMS.add(response.statusCode() + " " + f.method() + " " + abbreviated(f.target()) + " (" + f.what() + ")");
            }
            return response.statusCode();
        } catch (IOException e) {
            return NO_ANSWER; // counted as not refused, with the request, so the assertion names it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int sendRaw(String token, Fuzzed f) {
        StringBuilder head = new StringBuilder().append(f.method()).append(' ').append(f.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Authorization: Bearer ").append(token).append("\r\n")
                .append("Connection: close\r\n");
        byte[] body = f.body() == null ? new byte[0] : f.body();
        if (f.contentType() != null) {
            head.append("Content-Type: ").append(f.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12); // "HTTP/1.1 400"
            String line = new String(status, StandardCharsets.ISO_8859_1);
            if (!line.startsWith("HTTP/1.")) {
                return NO_ANSWER;
            }
            return Integer.parseInt(line.substring(9, 12));
        } catch (IOException e) {
            return NO_ANSWER;
        }
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TestTopics.WRITTEN).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomName(Random r) {
        String[] names = {"userId", "user", "sub", "admin", "debug", "__proto__", "constructor", "x", "purposes", "role", "a%5B%5D"};
        return pick(r, names);
    }

    private static <T> T pick(Random r, T[] from) {
        return from[r.nextInt(from.length)];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }
}
