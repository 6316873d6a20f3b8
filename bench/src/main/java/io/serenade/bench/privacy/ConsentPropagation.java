package io.serenade.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;
import io.serenade.events.Purposes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast a withdrawal of consent takes effect, against the running suite ({@code ./serenade up}).
 * <p>
 * Each round grants personalization and artwork personalization to a load-test user, waits for a personalized
 * home page, then withdraws both and asks for the home page until one comes back non-personalized (no
 * personalized rows, no per-user artwork). Rounds alternate where the withdrawal is made:
 * <ul>
 *   <li>{@code via gateway}: through the public API, on the gateway that then serves the page;</li>
 *   <li>{@code via topic}: straight at consent-service, as through another gateway instance, so the serving
 *   gateway learns it only from the {@code consent-changes} topic.</li>
 * </ul>
 * Latency is from sending the withdrawal to receiving the first non-personalized page. Each service's
 * acknowledgement is read off its own consent view: when it applied the change, less when consent-service
 * recorded it (one machine, one clock). Bounded: {@code --rounds} (default 40), 10 s at most per wait.
 */
public final class ConsentPropagation {

    private static final long WAIT_LIMIT_MS = 10_000;
    private static final Map<String, String> SERVICES = Map.of(
            "profile-service", "http://127.0.0.1:8081", "ranking-service", "http://127.0.0.1:8082",
            "artwork-service", "http://127.0.0.1:8084");

    private ConsentPropagation() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String user = options.get("user", "loadtest-1");
        int rounds = options.getInt("rounds", 40);
        String token = new Keycloak(options).token(user);
        String userId = Tokens.subject(token);
        Api gateway = new Api(options.get("gateway", "http://127.0.0.1:8080") + "/api/v1", token);
        // The probe writes as the gateway would and reads the services' consent views as an operator's tool.
        Keycloak identities = new Keycloak(options);
        Api consent = new Api(options.get("consent", "http://127.0.0.1:8083"),
                identities.serviceIdentity(Keycloak.GATEWAY_IDENTITY).get());
        String operator = identities.serviceIdentity(Keycloak.OPERATOR_IDENTITY).get();

        Latencies viaGateway = new Latencies("withdraw via the gateway → first non-personalized home page");
        Latencies viaTopic = new Latencies("withdraw at consent-service → first non-personalized home page (gateway via topic)");
        Map<String, Latencies> acks = new LinkedHashMap<>();
        SERVICES.keySet().stream().sorted().forEach(s -> acks.put(s, new Latencies(s + " applies the withdrawal (topic)")));

        for (int round = 0; round < rounds; round++) {
            gateway.put("/me/consents", answer("GRANTED")).ok();
            await(() -> personalized(gateway.get("/me/home").ok()), "a personalized page after granting");
            boolean topicRound = round % 2 == 1;
            long sent = System.nanoTime();
            JsonNode view = topicRound
                    ? consent.put("/internal/users/" + userId + "/consents", answer("WITHDRAWN")).ok()
                    : gateway.put("/me/consents", answer("WITHDRAWN")).ok();
            await(() -> !personalized(gateway.get("/me/home").ok()), "a non-personalized page after withdrawing");
            (topicRound ? viaTopic : viaGateway).add((System.nanoTime() - sent) / 1e6);

            Instant changedAt = newestUpdate(view);
            for (Map.Entry<String, String> s : SERVICES.entrySet()) {
                Api service = new Api(s.getValue(), operator);
                JsonNode[] seen = new JsonNode[1];
                await(() -> {
                    Api.Reply r = service.get("/internal/consent-view/" + userId);
                    seen[0] = r.body();
                    return r.status() == 200 && !Instant.parse(r.body().path("changedAt").asText()).isBefore(changedAt);
                }, s.getKey() + " to apply the withdrawal");
                acks.get(s.getKey()).add(
                        (Instant.parse(seen[0].path("appliedAt").asText()).toEpochMilli() - changedAt.toEpochMilli()));
            }
            Thread.sleep(100);
        }

        System.out.printf("consent propagation: %d rounds, user %s%n%n", rounds, user);
        System.out.println("| measure | n | p50 ms | p99 ms | max ms | p99 ≤ 1 s |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(viaGateway.row(1000));
        System.out.println(viaTopic.row(1000));
        acks.values().forEach(a -> System.out.println(a.row(1000)));
    }

    private static Map<String, Object> answer(String state) {
        return Map.of("consents", Map.of(Purposes.PERSONALIZATION, state, Purposes.ARTWORK_PERSONALIZATION, state));
    }

    /** Personal in any way: rows ranked for the user, or artwork chosen (and logged) for them. */
    static boolean personalized(JsonNode home) {
        if (home.path("personalized").asBoolean(false)) {
            return true;
        }
        for (JsonNode row : home.path("rows")) {
            for (JsonNode item : row.path("items")) {
                if (item.path("artwork").hasNonNull("impressionId")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant newestUpdate(JsonNode view) {
        Instant newest = Instant.EPOCH;
        for (JsonNode p : view.path("purposes")) {
            if (p.hasNonNull("updatedAt")) {
                Instant at = Instant.parse(p.get("updatedAt").asText());
                newest = at.isAfter(newest) ? at : newest;
            }
        }
        return newest;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, String what) throws Exception {
        await(condition, what, 2);
    }

    /** Polls every {@code everyMillis} until the condition holds, at most {@value #WAIT_LIMIT_MS} ms. */
    static void await(Condition condition, String what, long everyMillis) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_LIMIT_MS;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("gave up waiting " + WAIT_LIMIT_MS + " ms for " + what);
            }
            Thread.sleep(everyMillis);
        }
    }
}
