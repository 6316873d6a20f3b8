package io.serenade.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.bench.Keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One scenario: the load starts, the fault strikes 10 s in and is healed, the load runs on until every event batch
 * was accepted (a client retries a refused batch with the same event ids, as the API asks) and at least 20 s past
 * the heal, bounded by {@link #HARD_CAP}. Then it waits (bounded) until the stores have caught up, and counts:
 * <ul>
 *   <li>events: accepted (202) vs rows in profile's and ranking's {@code interactions} (lost, and rows per id);</li>
 *   <li>impressions: every impression id a home page showed vs rows in artwork's {@code impressions};</li>
 *   <li>personalized responses: every {@code Serenade-Request-Id} a page carried vs rows in consent's {@code data_use};</li>
 *   <li>every answer by status, 5xx apart; pages during the fault, personalized or not; time to recover.</li>
 * </ul>
 */
final class FaultRun {

    record Settings(String gateway, String jdbc, Path repo, int events, Keycloak keycloak) {
    }

    static final Duration FAULT_AT = Duration.ofSeconds(10);
    static final Duration AFTER_HEAL = Duration.ofSeconds(20);
    static final Duration HARD_CAP = Duration.ofMinutes(4);
    static final Duration CATCH_UP = Duration.ofMinutes(3);
    static final Duration LOAD_SPREAD = Duration.ofSeconds(50);
    static final int BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final String scenario;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** The first problem body of each kind and status that was not a success, to say what the errors were. */
    private final Map<String, String> firstProblems = new ConcurrentHashMap<>();
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> servedImpressions = ConcurrentHashMap.newKeySet();
    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final AtomicInteger batchesLeft = new AtomicInteger();
    private volatile boolean stop;
    private volatile long injectedAt;
    private volatile long faultEndedAt;
    private volatile long healedAt = Long.MAX_VALUE;

    /** A home page answered: when it was asked (ns), its status, whether it was personalized. */
    record Page(long startedAt, int status, boolean personalized) {
    }

    FaultRun(Settings settings, String scenario) {
        this.settings = settings;
        this.scenario = scenario;
    }

    Result run() throws Exception {
        for (String user : Faults.USERS) {
            tokens.put(user, settings.keycloak().token(user));
        }
        List<String> titles = titles();
        for (String user : Faults.USERS) {
            put(user, "/me/consents", "{\"consents\": {\"personalization\": \"GRANTED\", \"artwork-personalization\": \"GRANTED\"}}");
        }
        ConcurrentLinkedQueue<List<String>> batches = batches(titles);
        batchesLeft.set(batches.size());
        long start = System.nanoTime();
        List<Thread> load = new ArrayList<>();
        long perBatchNanos = LOAD_SPREAD.toNanos() / Math.max(1, batches.size()) * 2; // two senders share the batches
        for (int i = 0; i < 2; i++) {
            load.add(start("events-" + i, () -> sendEvents(batches, perBatchNanos)));
            load.add(start("home-" + i, this::askPages));
        }
        load.add(start("consents", this::changeConsents));

        sleepUntil(start + FAULT_AT.toNanos());
        injectedAt = System.nanoTime();
        shell("inject");
        hold();
        faultEndedAt = System.nanoTime();
        shell("heal");
        healedAt = System.nanoTime();

        long deadline = start + HARD_CAP.toNanos();
        while (System.nanoTime() < deadline && (batchesLeft.get() > 0 || System.nanoTime() < healedAt + AFTER_HEAL.toNanos())) {
            Thread.sleep(200);
        }
        stop = true;
        for (Thread t : load) {
            t.join(TimeUnit.SECONDS.toMillis(40));
        }
        long loadEnded = System.nanoTime();
        firstProblems.forEach((status, body) -> System.out.println("   first " + status + ": " + body));
        Counts counts = catchUp();
        return new Result(scenario, accepted.size(), batchesLeft.get() * BATCH, counts, servedImpressions.size(),
                requestIds.size(), pagesDuringFault(), pages.size(), statusTable(), fiveHundreds(), seconds(faultEndedAt - injectedAt),
                recoveredSeconds(), counts.caughtUpAt < 0 ? -1 : seconds(counts.caughtUpAt - loadEnded), personalizedWhileUnknown());
    }

    /** How long the fault is held before healing: a kill is healed 5 s later, stops are held 30 s. */
    private void hold() throws InterruptedException {
        Thread.sleep(switch (scenario) {
            case "redis-stop", "consent-stop" -> 30_000;
            case "postgres-restart" -> 0;
            default -> 5_000;
        });
    }

    private void shell(String action) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", settings.repo().resolve("bench/faults.sh").toString(), action, scenario)
                .directory(settings.repo().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(action + " " + scenario + " failed: " + output);
        }
        System.out.println("   " + action + ": " + output.replace("\n", "; "));
    }

    // --- the load

    private ConcurrentLinkedQueue<List<String>> batches(List<String> titles) {
        ConcurrentLinkedQueue<List<String>> batches = new ConcurrentLinkedQueue<>();
        Random random = new Random(scenario.hashCode());
        for (int n = 0; n < settings.events(); n += BATCH) {
            List<String> batch = new ArrayList<>(BATCH + 1);
            batch.add(Faults.USERS.get((n / BATCH) % Faults.USERS.size()));
            for (int i = 0; i < Math.min(BATCH, settings.events() - n); i++) {
                batch.add(titles.get(random.nextInt(titles.size())));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Sends each batch until accepted, retrying a refused one with the same event ids (the API's idempotency). */
    private void sendEvents(ConcurrentLinkedQueue<List<String>> batches, long perBatchNanos) {
        List<String> batch;
        while (!stop && (batch = batches.poll()) != null) {
            long next = System.nanoTime() + perBatchNanos;
            String user = batch.get(0);
            List<UUID> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            Instant now = Instant.now();
            for (int i = 1; i < batch.size(); i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                body.append(i > 1 ? "," : "").append("{\"eventId\":\"").append(id).append("\",\"titleId\":\"").append(batch.get(i))
                        .append("\",\"type\":\"PLAY\",\"value\":30,\"occurredAt\":\"").append(now).append("\"}");
            }
            body.append(']');
            while (!stop) {
                int status = send("events", request(user, "/me/events").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .header("Content-Type", "application/json")).status;
                if (status == 202) {
                    accepted.addAll(ids);
                    batchesLeft.decrementAndGet();
                    break;
                }
                sleep(500);
            }
            sleepUntil(next);
        }
    }

    private void askPages() {
        Random random = new Random();
        while (!stop) {
            String user = Faults.USERS.get(random.nextInt(Faults.USERS.size()));
            long started = System.nanoTime();
            Answer a = send("home", request(user, "/me/home").GET());
            boolean personalized = false;
            if (a.status == 200 && a.body != null) {
                personalized = a.body.path("personalized").asBoolean(false);
                a.body.path("rows").forEach(row -> row.path("items").forEach(item -> {
                    JsonNode impression = item.path("artwork").path("impressionId");
                    if (impression.isTextual()) {
                        servedImpressions.add(impression.textValue());
                    }
                }));
                if (a.requestId != null) {
                    requestIds.add(a.requestId);
                }
            }
            pages.add(new Page(started, a.status, personalized));
            sleep(100);
        }
    }

    private void changeConsents() {
        Random random = new Random();
        boolean grant = true;
        while (!stop) {
            String user = Faults.USERS.get(random.nextInt(Faults.USERS.size()));
            // experimentation: a purpose no page uses today, so toggling it changes the ledger and the topic, not the pages.
            send("consents", request(user, "/me/consents").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"consents\": {\"experimentation\": \"" + (grant ? "GRANTED" : "WITHDRAWN") + "\"}}")));
            grant = !grant;
            sleep(1000);
        }
    }

    private record Answer(int status, JsonNode body, String requestId) {
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create(settings.gateway() + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.get(user));
    }

    /** Sends and tallies the answer by kind and status ({@code io} when there was none). */
    private Answer send(String kind, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            count(kind + " " + r.statusCode());
            if (r.statusCode() >= 400) {
                String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                firstProblems.putIfAbsent(kind + " " + r.statusCode(), body.length() > 300 ? body.substring(0, 300) : body);
            }
            JsonNode body = null;
            if (r.statusCode() == 200 && r.body().length > 0) {
                body = JSON.readTree(r.body());
            }
            return new Answer(r.statusCode(), body, r.headers().firstValue("Serenade-Request-Id").orElse(null));
        } catch (IOException e) {
            count(kind + " io");
            return new Answer(-1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null);
        }
    }

    private void put(String user, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + path + " for " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Titles a home page shows: the events name real titles, as a client's would. */
    private List<String> titles() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(Faults.USERS.get(0), "/me/home").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the home page answers HTTP " + r.statusCode() + ": is the suite up (./serenade up)?");
        }
        List<String> titles = new ArrayList<>();
        JSON.readTree(r.body()).path("rows").forEach(row -> row.path("items").forEach(i -> titles.add(i.path("titleId").asText())));
        if (titles.isEmpty()) {
            throw new IllegalStateException("the home page shows no titles: seed the catalog (./serenade up)");
        }
        return titles;
    }

    private void count(String key) {
        statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    // --- the count

    /** What the stores hold of this run, polled until it matches what the clients were told or {@link #CATCH_UP} passes. */
    static final class Counts {
        long profileRows;
        long profileDistinct;
        long rankingRows;
        long rankingDistinct;
        long impressionsLogged;
        long recordsFound;
        long caughtUpAt = -1;
    }

    private Counts catchUp() throws SQLException, InterruptedException {
        UUID[] events = accepted.toArray(UUID[]::new);
        UUID[] impressions = servedImpressions.stream().map(UUID::fromString).toArray(UUID[]::new);
        String[] records = requestIds.toArray(String[]::new);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        Counts c = new Counts();
        while (true) {
            long[] profile = rowsAndDistinct("serenade_profile", "interactions", "event_id", "uuid", events);
            long[] ranking = rowsAndDistinct("serenade_ranking", "interactions", "event_id", "uuid", events);
            c.profileRows = profile[0];
            c.profileDistinct = profile[1];
            c.rankingRows = ranking[0];
            c.rankingDistinct = ranking[1];
            c.impressionsLogged = rowsAndDistinct("serenade_artwork", "impressions", "impression_id", "uuid", impressions)[1];
            c.recordsFound = rowsAndDistinct("serenade_consent", "data_use", "request_id", "text", records)[1];
            boolean caughtUp = c.profileDistinct == events.length && c.rankingDistinct == events.length
                    && c.impressionsLogged == impressions.length && c.recordsFound == records.length;
            if (caughtUp) {
                c.caughtUpAt = System.nanoTime();
                return c;
            }
            if (System.nanoTime() > deadline) {
                return c;
            }
            Thread.sleep(2000);
        }
    }

    private long[] rowsAndDistinct(String db, String table, String column, String type, Object[] ids) throws SQLException {
        if (ids.length == 0) {
            return new long[] {0, 0};
        }
        try (Connection c = DriverManager.getConnection(settings.jdbc() + db, db, db);
             PreparedStatement s = c.prepareStatement("SELECT count(*), count(DISTINCT " + column + ") FROM " + table
                     + " WHERE " + column + " = ANY (?)")) {
            s.setArray(1, c.createArrayOf(type, ids));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    // --- the figures

    private int[] pagesDuringFault() {
        int personalized = 0, not = 0, failed = 0;
        for (Page p : pages) {
            if (p.startedAt >= injectedAt && p.startedAt <= healedAt) {
                if (p.status != 200) {
                    failed++;
                } else if (p.personalized) {
                    personalized++;
                } else {
                    not++;
                }
            }
        }
        return new int[] {personalized, not, failed};
    }

    /** Pages asked while consent was unknown (cache emptied, consent-service away) that came back personalized. */
    private int personalizedWhileUnknown() {
        if (!scenario.equals("consent-stop")) {
            return 0;
        }
        // From a second after the fault (the cache was emptied) until the heal began.
        return (int) pages.stream().filter(p -> p.startedAt > injectedAt + TimeUnit.SECONDS.toNanos(1)
                && p.startedAt < faultEndedAt && p.status == 200 && p.personalized).count();
    }

    /** Seconds from the end of the heal until the first personalized page asked after it; -1 if none. */
    private double recoveredSeconds() {
        return pages.stream().filter(p -> p.startedAt >= healedAt && p.status == 200 && p.personalized)
                .mapToLong(Page::startedAt).min().stream().mapToDouble(t -> seconds(t - healedAt)).findFirst().orElse(-1);
    }

    private Map<String, Integer> statusTable() {
        return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a, TreeMap::new));
    }

    private int fiveHundreds() {
        return statuses.entrySet().stream().filter(e -> e.getKey().endsWith(" 500")).mapToInt(e -> e.getValue().get()).sum();
    }

    record Result(String scenario, int accepted, int notAccepted, Counts counts, int servedImpressionCount,
                  int personalizedResponses, int[] faultPages, int pages,
                  Map<String, Integer> statuses, int internalErrors, double heldSeconds, double recoveredSeconds,
                  double caughtUpSeconds, int personalizedWhileUnknown) {

        List<String> broken() {
            List<String> broken = new ArrayList<>();
            if (notAccepted > 0) {
                broken.add(notAccepted + " events never accepted");
            }
            if (counts.profileDistinct != accepted || counts.rankingDistinct != accepted) {
                broken.add("events lost: profile " + (accepted - counts.profileDistinct) + ", ranking " + (accepted - counts.rankingDistinct));
            }
            if (counts.profileRows != counts.profileDistinct || counts.rankingRows != counts.rankingDistinct) {
                broken.add("events doubled");
            }
            if (counts.impressionsLogged != servedImpressionCount) {
                broken.add((servedImpressionCount - counts.impressionsLogged) + " served impressions not logged");
            }
            if (counts.recordsFound != personalizedResponses) {
                broken.add((personalizedResponses - counts.recordsFound) + " personalized responses without a record");
            }
            if (internalErrors > 0) {
                broken.add(internalErrors + " answers 500");
            }
            // Every token the load uses is valid for the whole run: a 401 or 403 blames the member for our outage.
            int refusedMembers = statuses.entrySet().stream().filter(e -> e.getKey().matches(".* 40[13]"))
                    .mapToInt(Map.Entry::getValue).sum();
            if (refusedMembers > 0) {
                broken.add(refusedMembers + " answers 401/403 to valid tokens");
            }
            // Redis hung must cost a request its cache and personal images, never its answer: no 5xx, no request left
            // without an answer (io: the client gave up after 15 s, or the connection failed).
            int redisErrors = !scenario.equals("redis-stop") ? 0 : statuses.entrySet().stream()
                    .filter(e -> e.getKey().matches(".* (5\\d\\d|io)")).mapToInt(Map.Entry::getValue).sum();
            if (redisErrors > 0) {
                broken.add(redisErrors + " answers 5xx or none while Redis was stopped");
            }
            if (personalizedWhileUnknown > 0) {
                broken.add(personalizedWhileUnknown + " personalized pages while consent was unknown");
            }
            return broken;
        }

        boolean passed() {
            return broken().isEmpty();
        }

        String summary() {
            return String.format("accepted %,d; profile %,d, ranking %,d; impressions %,d/%,d; records %,d/%,d; %s",
                    accepted, counts.profileDistinct, counts.rankingDistinct, counts.impressionsLogged, servedImpressionCount,
                    counts.recordsFound, personalizedResponses, passed() ? "passed" : "FAILED: " + String.join("; ", broken()));
        }

        String row() {
            String errors = statuses.entrySet().stream().filter(e -> !e.getKey().endsWith(" 200") && !e.getKey().endsWith(" 202"))
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
            return String.format("| %s | %,d | %,d / %,d (%d, %d) | %d / %d / %d | %,d / %,d | %,d / %,d | %s | %.0f s | %s | %s | %s |",
                    scenario, accepted, counts.profileDistinct, counts.rankingDistinct,
                    accepted - Math.min(counts.profileDistinct, counts.rankingDistinct),
                    (counts.profileRows - counts.profileDistinct) + (counts.rankingRows - counts.rankingDistinct),
                    faultPages[0], faultPages[1], faultPages[2], servedImpressionCount, counts.impressionsLogged,
                    personalizedResponses, counts.recordsFound, errors.isEmpty() ? "none" : errors, heldSeconds,
                    recoveredSeconds < 0 ? "–" : String.format("%.1f s", recoveredSeconds),
                    caughtUpSeconds < 0 ? "not within 3 min" : String.format("%.1f s", caughtUpSeconds),
                    passed() ? "passed" : "FAILED: " + String.join("; ", broken()));
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.start();
        return t;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }
}
