package io.serenade.bench.ingest;

import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event ingestion end to end: batches posted to the gateway by the realm's load-test users (real tokens), timed until
 * the gateway accepted all of them (every 202 means Kafka acknowledged the batch) and until
 * profile-service and ranking-service have applied all of them (their rows exist; ranking writes its row
 * only after Redis took the event). Loopback only, bounded by the event count.
 */
public final class IngestBenchmark {

    /** Realm users kept for load: the benchmark never writes into the demo users' histories. */
    private static final List<String> USERS = List.of("loadtest-1", "loadtest-2", "loadtest-3");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        int total = o.getInt("events", 200_000);
        int batch = o.getInt("batch", 500);
        int concurrency = o.getInt("concurrency", 8);
        int titles = o.getInt("titles", 2000);
        String gateway = o.get("gateway", "http://127.0.0.1:8080");
        String pg = o.get("postgres", "127.0.0.1:5432");

        Keycloak keycloak = new Keycloak(o);
        List<String> tokens = new ArrayList<>();
        for (String u : USERS) {
            tokens.add(keycloak.token(u));
        }
        String userIds = "'6f1c3d2a-0a1e-4c1e-9a11-10ad7e570001','6f1c3d2a-0a1e-4c1e-9a11-10ad7e570002','6f1c3d2a-0a1e-4c1e-9a11-10ad7e570003'";
        long profileBefore = count(pg, "serenade_profile", userIds);
        long rankingBefore = count(pg, "serenade_ranking", userIds);

        // Bodies are built before the clock starts: the benchmark measures the suite, not JSON building.
        int batches = (total + batch - 1) / batch;
        String at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString();
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder(batch * 110).append('[');
            int n = Math.min(batch, total - b * batch);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append("{\"eventId\":\"").append(UUID.randomUUID())
                        .append("\",\"titleId\":\"").append(String.format("t-%05d", 1 + ThreadLocalRandom.current().nextInt(titles)))
                        .append("\",\"type\":\"").append(i % 3 == 0 ? "PLAY" : "CLICK")
                        .append("\",\"occurredAt\":\"").append(at).append("\"}");
            }
            bodies.add(json.append(']').toString().getBytes());
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int b; (b = next.getAndIncrement()) < batches; ) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me/events"))
                            .header("Authorization", "Bearer " + tokens.get(b % tokens.size()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("batch " + b + ": " + r.statusCode() + " " + r.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        long accepted = System.nanoTime() - start;
        pool.shutdown();

        long profileDone = -1, rankingDone = -1;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while ((profileDone < 0 || rankingDone < 0) && System.nanoTime() < deadline) {
            if (profileDone < 0 && count(pg, "serenade_profile", userIds) >= profileBefore + total) {
                profileDone = System.nanoTime() - start;
            }
            if (rankingDone < 0 && count(pg, "serenade_ranking", userIds) >= rankingBefore + total) {
                rankingDone = System.nanoTime() - start;
            }
            Thread.sleep(50);
        }
        Collections.sort(latencies);
        System.out.printf("RESULT events=%d batch=%d concurrency=%d accepted_s=%.2f accepted_eps=%.0f "
                        + "profile_applied_s=%.2f ranking_applied_s=%.2f applied_eps=%.0f batch_p50_ms=%.1f batch_p99_ms=%.1f%n",
                total, batch, concurrency, accepted / 1e9, total / (accepted / 1e9),
                profileDone / 1e9, rankingDone / 1e9, total / (Math.max(profileDone, rankingDone) / 1e9),
                latencies.get(latencies.size() / 2) / 1e6, latencies.get((int) (latencies.size() * 0.99)) / 1e6);
        if (profileDone < 0 || rankingDone < 0) {
            throw new IllegalStateException("not all events applied within 10 minutes");
        }
    }

    private static long count(String hostPort, String db, String userIds) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + db, db, db);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM interactions WHERE user_id IN (" + userIds + ")");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
