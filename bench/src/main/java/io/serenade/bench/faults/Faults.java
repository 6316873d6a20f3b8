package io.serenade.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench faults}: one scenario at a time, a mixed load through the gateway while a fault strikes the running
 * suite ({@code bench/faults.sh inject|heal}), then the count of what each promise says must hold
 * ({@link FaultRun}). Writes {@code bench/target/faults/faults.md}; exits 1 when any scenario broke a promise.
 * Loopback only; every scenario is bounded in time and the run stops by itself.
 */
public final class Faults {

    static final List<String> ALL = List.of("kill-profile-service", "kill-ranking-service", "kill-consent-service",
            "kill-artwork-service", "kill-gateway", "kafka-restart", "redis-stop", "consent-stop", "postgres-restart");
    static final List<String> SHORT = List.of("kill-ranking-service", "kafka-restart");
    /**
     * The realm's load-test members: benchmarks that write events never touch the demo users' histories. Not
     * loadtest-3, which the smoke test's proof of erasure fills and erases.
     */
    static final List<String> USERS = List.of("loadtest-1", "loadtest-2");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean shortRun = "short".equals(options.get("profile", "full"));
        List<String> scenarios = options.get("scenarios", "").isEmpty() ? (shortRun ? SHORT : ALL)
                : Arrays.asList(options.get("scenarios", "").split(","));
        for (String s : scenarios) {
            if (!ALL.contains(s)) {
                System.err.println("unknown scenario " + s + "; one of " + ALL);
                System.exit(2);
            }
        }
        int events = options.getInt("events", shortRun ? 5_000 : 50_000);
        Path repo = Path.of(options.get("repo", "."));
        FaultRun.Settings settings = new FaultRun.Settings(
                options.get("gateway", "http://127.0.0.1:8080") + "/api/v1",
                "jdbc:postgresql://" + options.get("pg-host", "127.0.0.1") + ":" + options.get("pg-port", "5432") + "/",
                repo, events, new Keycloak(options));

        List<FaultRun.Result> results = new ArrayList<>();
        for (String scenario : scenarios) {
            System.out.printf("== %s: %,d events, home pages and consent changes through the gateway%n", scenario, events);
            FaultRun.Result r = new FaultRun(settings, scenario).run();
            System.out.println("   " + r.summary());
            results.add(r);
        }
        eraseLoadUsers(settings);
        Path out = repo.resolve("bench/target/faults");
        Files.createDirectories(out);
        Files.writeString(out.resolve("faults.md"), report(results, events));
        System.out.println(report(results, events));
        boolean ok = results.stream().allMatch(FaultRun.Result::passed);
        System.out.println(ok ? "faults: every promise held" : "faults: a promise was broken (see FAILED above)");
        System.exit(ok ? 0 : 1);
    }

    /**
     * Leaves nothing behind: each run gives the load-test members hundreds of thousands of events, which would slow
     * every later export and erasure of theirs. Erased through the public API, as a member would (bounded: 3 min).
     */
    static void eraseLoadUsers(FaultRun.Settings settings) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String user : USERS) {
            String token = settings.keycloak().token(user);
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(settings.gateway() + "/me/erasure"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                System.out.println("   " + user + ": erasure not started, HTTP " + started.statusCode());
                continue;
            }
            String id = JSON.readTree(started.body()).path("id").asText();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            String status = "RUNNING";
            while (!"DONE".equals(status) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.gateway() + "/me/erasure/" + id))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode() == 200 ? JSON.readTree(r.body()).path("status").asText() : status;
            }
            System.out.println("   " + user + ": the run's data erased through the API: " + status);
        }
    }

    static String report(List<FaultRun.Result> results, int events) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Fault suite, ").append(Instant.now()).append(", ").append(String.format("%,d", events))
                .append(" events per scenario\n\n");
        md.append("| scenario | events accepted | applied: profile / ranking (lost, doubled) | home pages: personalized / not / failed"
                + " | impressions served / logged | personalized responses / records | client errors by status"
                + " | fault held | recovered | caught up | verdict |\n");
        md.append("|---|---:|---|---|---|---|---|---:|---:|---:|---|\n");
        for (FaultRun.Result r : results) {
            md.append(r.row()).append('\n');
        }
        return md.toString();
    }
}
