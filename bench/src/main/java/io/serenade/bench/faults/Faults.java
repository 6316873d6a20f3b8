package io.serenade.bench.faults;

import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    /** The realm's load-test members: benchmarks that write events never touch the demo users' histories. */
    static final List<String> USERS = List.of("loadtest-1", "loadtest-2", "loadtest-3");

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
        Path out = repo.resolve("bench/target/faults");
        Files.createDirectories(out);
        Files.writeString(out.resolve("faults.md"), report(results, events));
        System.out.println(report(results, events));
        boolean ok = results.stream().allMatch(FaultRun.Result::passed);
        System.out.println(ok ? "faults: every promise held" : "faults: a promise was broken (see FAILED above)");
        System.exit(ok ? 0 : 1);
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
