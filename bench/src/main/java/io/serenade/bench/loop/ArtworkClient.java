package io.serenade.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.bench.SuitePurposes;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;
import io.serenade.events.Purposes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The calls the loop makes to artwork-service's internal API, as the gateway makes them for a viewer who granted
 * artwork personalization.
 */
final class ArtworkClient {

    /** One chosen variant, as the service answered. */
    record Choice(String titleId, String artworkId, String impressionId, String policy, String why) {
    }

    /** The Prometheus name of the service's count of plays and clicks credited to an impression. */
    static final String CREDITED = "serenade_artwork_rewards_credited_total";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String management;
    private final Supplier<String> asGateway;
    private final Supplier<String> asOperator;
    private final PurposeToken purposes = SuitePurposes.tokens();
    private final GrantedPurposes granted = new GrantedPurposes(Set.of(Purposes.ARTWORK_PERSONALIZATION));

    /**
     * @param asGateway  the gateway's service identity, which the loop stands in for (variants, consents, choices)
     * @param asOperator an operator's identity, for the propensity log
     */
    ArtworkClient(String baseUrl, String managementUrl, Supplier<String> asGateway, Supplier<String> asOperator) {
        this.base = trimmed(baseUrl);
        this.management = trimmed(managementUrl);
        this.asGateway = asGateway;
        this.asOperator = asOperator;
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void putVariant(LoopCatalog.Variant v) {
        Map<String, Object> body = Map.of("tags", List.of(v.tag()), "dominantColour", "#334455", "enabled", true);
        send(HttpRequest.newBuilder(URI.create(base + "/internal/titles/" + v.titleId() + "/artwork/" + v.artworkId()))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + asGateway.get())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    /** The viewer grants artwork personalization at consent-service, which tells artwork-service through the topic. */
    void grant(String consentService, String viewerId) {
        Map<String, Object> body = Map.of("consents", Map.of(Purposes.ARTWORK_PERSONALIZATION, "GRANTED"), "source", "api");
        send(HttpRequest.newBuilder(URI.create(consentService + "/internal/users/" + viewerId + "/consents"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + asGateway.get())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    /** The page's artwork for the viewer, in the context of their segment. */
    List<Choice> choose(Viewers.Viewer viewer, List<String> titleIds) {
        Segment s = viewer.segment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", viewer.id());
        body.put("titleIds", titleIds);
        body.put("context", Map.of("device", s.device(), "locale", s.locale(), "localTime", s.localTime()));
        return parseChoices(send(HttpRequest.newBuilder(URI.create(base + "/internal/choices"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + asGateway.get())
                .header(GrantedPurposes.HEADER, purposes.sign(viewer.id(), granted, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build()));
    }

    /** The propensity log of [from, to) as CSV, including impressions whose reward window is still open. */
    String propensityLog(Instant from, Instant to) {
        return send(HttpRequest.newBuilder(URI.create(base + "/internal/propensity-log.csv?from=" + encode(from) + "&to="
                + encode(to) + "&includeOpen=true")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + asOperator.get()).GET().build());
    }

    /** The service's credited-rewards counter, or empty when its metrics do not show it. */
    OptionalDouble creditedRewards() {
        return counter(send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).timeout(Duration.ofSeconds(30))
                .GET().build()), CREDITED);
    }

    static List<Choice> parseChoices(String body) {
        try {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode c : JSON.readTree(body).path("choices")) {
                choices.add(new Choice(c.path("titleId").asText(), c.path("artworkId").asText(),
                        c.hasNonNull("impressionId") ? c.get("impressionId").asText() : null,
                        c.path("policy").asText(), c.path("why").path("code").asText()));
            }
            return choices;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the choices: " + e.getMessage(), e);
        }
    }

    /** A counter's value in Prometheus text: the sum over its label sets, or empty when it is absent. */
    static OptionalDouble counter(String prometheus, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : prometheus.lines().toList()) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }


    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + r.statusCode()
                        + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(Instant t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }
}
