package io.serenade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tokens for the demo users from the local Keycloak, by the password grant of the app client. The grant is
 * enabled in the demo realm for command-line tools only; real apps use the authorization code flow with PKCE.
 */
public final class Keycloak {

    /**
     * The demo realm's documented passwords (scripts/keycloak/serenade-realm.json). The loadtest users exist
     * so that benchmarks that write events never touch the demo users' histories.
     */
    public static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "alice", "alice-serenade", "bob", "bob-serenade", "carol", "carol-serenade",
            "serenade-admin", "admin-serenade", "loadtest-1", "loadtest-1-serenade",
            "loadtest-2", "loadtest-2-serenade", "loadtest-3", "loadtest-3-serenade");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String tokenUrl;

    public Keycloak(Options options) {
        this.tokenUrl = options.get("keycloak", "http://127.0.0.1:8180") + "/realms/serenade/protocol/openid-connect/token";
    }

    public String token(String user) throws IOException, InterruptedException {
        String password = DEMO_PASSWORDS.get(user);
        if (password == null) {
            throw new IllegalArgumentException("not a demo user: " + user + " (one of " + DEMO_PASSWORDS.keySet() + ")");
        }
        return grant(Map.of("grant_type", "password", "client_id", "serenade-app", "username", user, "password", password), user);
    }

    /** The service identities of the internal routes (io.serenade.kit.identity.Callers), as the local realm names them. */
    public static final String GATEWAY_IDENTITY = "serenade-svc-gateway";
    public static final String OPERATOR_IDENTITY = "serenade-svc-operator";

    /**
     * A service identity's tokens for a tool that calls internal routes: the seed and the artwork loop stand in
     * for the gateway, the privacy benchmarks probe as an operator. The secret is the local realm's documented
     * {@code <client>-secret}; a token is fetched again once it is two minutes old (the realm issues five).
     */
    public Supplier<String> serviceIdentity(String client) {
        return new Supplier<>() {
            private String token;
            private long fetchedAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(2)) {
                    try {
                        token = clientToken(client, client + "-secret");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    fetchedAt = System.nanoTime();
                }
                return token;
            }
        };
    }

    /** A back-end client's own token (client credentials grant), e.g. the notifier's. */
    public String clientToken(String clientId, String secret) throws IOException, InterruptedException {
        return grant(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), clientId);
    }

    private String grant(Map<String, String> parameters, String who) throws IOException, InterruptedException {
        String form = parameters
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token for " + who + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("access_token").asText();
    }
}
