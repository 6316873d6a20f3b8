package io.serenade.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long an export takes for a user with many events, against the running suite: gives a load-test user
 * {@code --events} (default 10,000) events and data in every other store ({@link UserData}), then runs
 * {@code --rounds} (default 5) exports one after another and reports each job's time (created → completed,
 * server clock) and the archive's size. Bounded: at most 60 s per export.
 */
public final class ExportTiming {

    private ExportTiming() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int events = options.getInt("events", 10_000);
        int rounds = options.getInt("rounds", 5);
        Keycloak keycloak = new Keycloak(options);
        String gatewayUrl = options.get("gateway", "http://127.0.0.1:8080") + "/api/v1";
        String token = keycloak.token(options.get("user", "loadtest-2"));
        Api gateway = new Api(gatewayUrl, token);
        UserData.fill(gateway, null, Tokens.subject(token), events, 11);
        int history = gateway.get("/me/history?size=1").ok().path("total").asInt();

        Latencies jobs = new Latencies("export of a user with " + history + " events: created → archive ready (server times)");
        for (int round = 0; round < rounds; round++) {
            String id = gateway.post("/me/exports", Map.of()).ok().path("id").asText();
            long deadline = System.currentTimeMillis() + 60_000;
            JsonNode status;
            do {
                Thread.sleep(50);
                status = gateway.get("/me/exports/" + id).ok();
            } while ("RUNNING".equals(status.path("status").asText()) && System.currentTimeMillis() < deadline);
            if (!"DONE".equals(status.path("status").asText())) {
                throw new IllegalStateException("export " + id + " ended " + status);
            }
            Duration took = Duration.between(Instant.parse(status.path("createdAt").asText()),
                    Instant.parse(status.path("completedAt").asText()));
            jobs.add(took.toMillis());
            Api.Reply archive = gateway.get("/me/exports/" + id + "/archive");
            JsonNode profile = archive.ok().path("services").path("profile-service").path("data");
            System.err.printf("export %d: %d ms, %d events in the archive's profile-service part%n", round + 1,
                    took.toMillis(), profile.path("interaction-history").path("events").size());
        }
        System.out.println("| measure | n | p50 ms | p99 ms | max ms | p99 ≤ 30 s |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(jobs.row(30_000));
    }
}
