package io.serenade.bench.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the running suite with demo data through its real doors: the catalog and artwork through the admin
 * API, alice's, bob's and carol's profiles and histories through the public API with their own tokens, and
 * background listeners' events (users who exist only as ids) straight onto the interactions topic, as a
 * bulk import would, so that popularity means something.
 */
public final class DemoSeed {

    record DemoUser(String name, Map<String, Object> profile, List<String> genres, int events, List<String> grants) {
    }

    /** Carol allows neither personalization nor personal artwork: her page shows what a user who says no gets. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", profile("Alice", "en-GB", "Europe/London", "16+", List.of("sci-fi", "drama")),
                    List.of("sci-fi", "thriller", "drama"), 120, List.of("personalization", "artwork-personalization")),
            new DemoUser("bob", profile("Bob", "en-US", "America/New_York", "13+", List.of("comedy", "family")),
                    List.of("comedy", "animation", "family"), 90, List.of("personalization", "artwork-personalization")),
            new DemoUser("carol", profile("Carol", "fr-FR", "Europe/Paris", "18+", List.of("documentary", "crime")),
                    List.of("documentary", "crime", "mystery"), 100, List.of("search-history")));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String gateway;
    private final String consent;
    private final Keycloak keycloak;

    DemoSeed(Options options) {
        this.gateway = options.get("gateway", "http://127.0.0.1:8080");
        this.consent = options.get("consent", "http://127.0.0.1:8083");
        this.keycloak = new Keycloak(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int size = options.getInt("titles", 2000);
        long seed = Long.parseLong(options.get("seed", "42"));
        int listeners = options.getInt("listeners", 500);
        DemoSeed seeder = new DemoSeed(options);
        DemoCatalog catalog = new DemoCatalog(size, seed);
        DemoHistories histories = new DemoHistories(catalog);

        long t0 = System.nanoTime();
        seeder.catalog(catalog);
        System.out.printf("seed: %d titles and %d artwork variants in %.1f s%n", catalog.titles().size(),
                catalog.variants().size(), (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        seeder.listenerConsents(listeners);
        int background = seeder.listeners(histories, listeners, seed, options.get("kafka", "127.0.0.1:9092"));
        for (DemoUser user : USERS) {
            seeder.user(user, histories, seed);
        }
        System.out.printf("seed: %d background events for %d listeners, histories for %s in %.1f s%n", background,
                listeners, USERS.stream().map(DemoUser::name).toList(), (System.nanoTime() - t0) / 1e9);
        seeder.trainAndAwaitPersonalizedHome("alice");
    }

    private void catalog(DemoCatalog catalog) throws Exception {
        String admin = keycloak.token("serenade-admin");
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (DemoCatalog.Title t : catalog.titles()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", t.name());
            body.put("genres", t.genres());
            body.put("themes", t.themes());
            body.put("moods", t.moods());
            body.put("maturityRating", t.maturityRating());
            body.put("releaseYear", t.releaseYear());
            body.put("availableFrom", t.availableFrom());
            calls.add(put(gateway, admin, "/api/v1/admin/titles/" + t.titleId(), body, inFlight));
        }
        for (DemoCatalog.Variant v : catalog.variants()) {
            calls.add(put(gateway, admin, "/api/v1/admin/titles/" + v.titleId() + "/artwork/" + v.artworkId(),
                    Map.of("tags", v.tags(), "dominantColour", v.dominantColour(), "enabled", true), inFlight));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The background listeners grant personalization, as users of a platform being imported would have: ranking
     * trains only on users whose consent it has seen. Their answers go to consent-service, the one writer of the
     * ledger and the consent topic, on its internal API (they have no accounts to log in with).
     */
    private void listenerConsents(int count) throws Exception {
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        // The seed stands in for the gateway, the one caller consent-service's routes allow.
        String asGateway = keycloak.serviceIdentity(Keycloak.GATEWAY_IDENTITY).get();
        for (int i = 0; i < count; i++) {
            calls.add(put(consent, asGateway, "/internal/users/" + listener(i) + "/consents",
                    Map.of("consents", Map.of("personalization", "GRANTED"), "source", "api"), inFlight));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    private static String listener(int i) {
        return String.format("demo-listener-%04d", i);
    }

    /** PUT of a JSON body with a member's, an admin's or a service identity's token. */
    private CompletableFuture<Void> put(String base, String token, String path, Object body, Semaphore inFlight) throws Exception {
        inFlight.acquire();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> inFlight.release())
                .thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("PUT " + path + ": " + r.statusCode() + " " + r.body());
                    }
                });
    }

    private int listeners(DemoHistories histories, int count, long seed, String bootstrap) {
        AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            for (int i = 0; i < count; i++) {
                String user = listener(i);
                List<String> genres = DemoCatalog.pick(DemoCatalog.GENRES, 2, new java.util.Random(seed + i));
                for (InteractionRecorded e : histories.history(user, genres, 40, "UTC", seed)) {
                    producer.send(new ProducerRecord<>(Topics.INTERACTIONS, user, e));
                    sent.incrementAndGet();
                }
            }
            producer.flush();
        }
        return sent.get();
    }

    private void user(DemoUser user, DemoHistories histories, long seed) throws Exception {
        String token = keycloak.token(user.name());
        send(token, "PUT", "/api/v1/me/profile", user.profile());
        Map<String, String> grants = new LinkedHashMap<>();
        user.grants().forEach(p -> grants.put(p, "GRANTED"));
        send(token, "PUT", "/api/v1/me/consents", Map.of("consents", grants, "source", "api"));
        List<InteractionRecorded> events = histories.history(user.name(), user.genres(), user.events(),
                (String) user.profile().get("timeZone"), seed);
        for (int from = 0; from < events.size(); from += 100) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (InteractionRecorded e : events.subList(from, Math.min(events.size(), from + 100))) {
                batch.add(publicEvent(e));
            }
            send(token, "POST", "/api/v1/me/events", batch);
        }
    }

    /** The public shape of an event: no user id (the token says who), no version (the gateway stamps it). */
    private static Map<String, Object> publicEvent(InteractionRecorded e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId().toString());
        m.put("titleId", e.titleId());
        m.put("type", e.type().name());
        if (e.value() != null) {
            m.put("value", e.value());
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("device", e.context().device());
        context.put("timeZone", e.context().timeZone());
        context.put("localTime", e.context().localTime().toString());
        m.put("context", context);
        m.put("occurredAt", e.occurredAt().toString());
        return m;
    }

    private JsonNode send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        // A 503 is the suite saying "not yet" (a service still warming up, a broker's first metadata fetch):
        // retry as a client would, after Retry-After. Every request here is idempotent.
        for (int attempt = 1; r.statusCode() == 503 && attempt <= 5; attempt++) {
            Thread.sleep(1000L * Math.max(1, r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(2L)));
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    /**
     * Trains a model on the seeded events (through the admin API, as an operator would) and waits until alice's
     * home page is personalized. Events reach ranking asynchronously, so a training that ran too early is
     * simply run again.
     */
    private void trainAndAwaitPersonalizedHome(String user) throws Exception {
        String admin = keycloak.token("serenade-admin");
        String token = keycloak.token(user);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/admin/models/training"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202 && started.statusCode() != 409) {
                throw new IllegalStateException("starting a training: " + started.statusCode() + " " + started.body());
            }
            JsonNode training;
            do {
                Thread.sleep(1000);
                training = get(admin, "/api/v1/admin/models/training");
            } while ("running".equals(training.path("state").asText()) && System.currentTimeMillis() < deadline);
            JsonNode home = get(token, "/api/v1/me/home");
            if (home.path("personalized").asBoolean() && home.path("rows").size() >= 3) {
                JsonNode latest = get(admin, "/api/v1/admin/models").path(0);
                System.out.printf("seed: model %s trained (%s); %s's home page has %d rows%n",
                        training.path("servingModelId").asText(), latest.path("metrics"), user, home.path("rows").size());
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the suite did not apply the seed within 180 s: " + user + "'s home is not personalized");
    }

    private JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    private static Map<String, Object> profile(String name, String locale, String zone, String maturity, List<String> genres) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("displayName", name);
        p.put("locale", locale);
        p.put("timeZone", zone);
        p.put("maturityRating", maturity);
        p.put("favouriteGenres", genres);
        return p;
    }
}
