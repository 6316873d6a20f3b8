package io.serenade.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long an erasure takes, against the running suite: each round fills a load-test user with data in every
 * store ({@link UserData}), asks the gateway to erase them, and polls the combined receipt until it is DONE.
 * Reported: the receipt's own times (requested → every service's receipt in), the time the client waited, and
 * each service's receipt. The three load-test users take turns. Bounded: {@code --rounds} (default 20).
 */
public final class ErasureCompletion {

    private ErasureCompletion() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int rounds = options.getInt("rounds", 20);
        int events = options.getInt("events", 300);
        Keycloak keycloak = new Keycloak(options);
        String gatewayUrl = options.get("gateway", "http://127.0.0.1:8080") + "/api/v1";
        Api notifier = new Api(gatewayUrl, keycloak.clientToken("serenade-notifier", "serenade-notifier-secret"));

        Latencies receipt = new Latencies("erasure requested → combined receipt complete (server times)");
        Latencies client = new Latencies("POST /me/erasure → client sees DONE");
        Map<String, Latencies> perService = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            String user = "loadtest-" + (1 + round % 3);
            String token = keycloak.token(user);
            Api gateway = new Api(gatewayUrl, token);
            UserData.fill(gateway, notifier, Tokens.subject(token), events, round);
            UserData.export(gateway);
            long sent = System.nanoTime();
            String id = gateway.post("/me/erasure", Map.of()).ok().path("id").asText();
            JsonNode[] done = new JsonNode[1];
            ConsentPropagation.await(() -> {
                done[0] = gateway.get("/me/erasure/" + id).ok();
                return "DONE".equals(done[0].path("status").asText());
            }, "erasure " + id + " to complete", 20);
            client.add((System.nanoTime() - sent) / 1e6);
            Instant requested = Instant.parse(done[0].path("requestedAt").asText());
            double total = millisBetween(requested, Instant.parse(done[0].path("completedAt").asText()));
            receipt.add(total);
            System.err.printf("round %d (%s): %.0f ms%n", round + 1, user, total);
            done[0].path("services").fields().forEachRemaining(s -> perService
                    .computeIfAbsent(s.getKey(), k -> new Latencies(k + " receipt"))
                    .add(millisBetween(requested, Instant.parse(s.getValue().path("completedAt").asText()))));
        }
        System.out.printf("erasure completion: %d rounds, %d events per user before each erasure%n%n", rounds, events);
        System.out.println("| measure | n | p50 ms | p99 ms | max ms | p99 ≤ 10 s |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(receipt.row(10_000));
        System.out.println(client.row(10_000));
        perService.values().forEach(l -> System.out.println(l.row(10_000)));
    }

    private static double millisBetween(Instant from, Instant to) {
        return to.toEpochMilli() - from.toEpochMilli();
    }
}
