package io.serenade.artwork;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.LoggedImpression;
import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.Distribution;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.policy.Taste;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.artwork.service.BanditState;
import io.serenade.artwork.service.ImpressionLog;
import io.serenade.artwork.service.VariantSnapshot;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bandit end to end against the real PostgreSQL, Redis and Kafka: propensities, consent, stickiness, the
 * reward window, settlement, restarts and retention.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class BanditTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONSENTED = GrantedPurposes.parse(Purposes.ARTWORK_PERSONALIZATION).header();

    private final BanditRepository repository;
    private final BanditState bandit;
    private final VariantSnapshot snapshot;
    private final ArtworkPolicy policy;
    private final FeatureSpace features;
    private final ImpressionLog log;
    private final ArtworkConfig config;
    private final RedisDataSource redis;
    private final MeterRegistry registry;

    BanditTest(BanditRepository repository, BanditState bandit, VariantSnapshot snapshot, ArtworkPolicy policy,
               FeatureSpace features, ImpressionLog log, ArtworkConfig config, RedisDataSource redis, MeterRegistry registry) {
        this.repository = repository;
        this.bandit = bandit;
        this.snapshot = snapshot;
        this.policy = policy;
        this.features = features;
        this.log = log;
        this.config = config;
        this.redis = redis;
        this.registry = registry;
    }

    @Test
    void theLoggedPropensityIsTheProbabilityThePolicyGaveAndAllProbabilitiesSumToOne() {
        String title = Variants.id("t");
        List<String> artworks = List.of(Variants.id("a"), Variants.id("a"), Variants.id("a"));
        artworks.forEach(a -> Variants.put(title, a, true));
        String user = Variants.id("u");

        JsonPath answer = Variants.choose(user, List.of(title), CONSENTED);

        String chosen = answer.getString("choices[0].artworkId");
        double propensity = answer.getDouble("choices[0].propensity");
        // The same decision, recomputed from the same state: a viewer with no plays yet, on a tv in the evening.
        Distribution d = policy.distribution(new Decision(snapshot.candidates(title).arms(),
                features.context(Taste.NONE, "tv", LocalTime.of(21, 0), "en-GB"), bandit.current()), null)
                .capExploration(config.bandit().explorationCap());
        int index = snapshot.candidates(title).arms().stream().map(a -> a.id()).toList().indexOf(chosen);
        assertThat(sum(d.probabilities())).isCloseTo(1.0, within(1e-12));
        assertThat(propensity).isEqualTo(d.probability(index));
        assertThat(answer.getString("choices[0].policy")).isEqualTo(policy.name());
        assertThat(answer.getString("choices[0].why.text")).isNotBlank();

        Row stored = logged(user, 1).get(0);
        assertThat(stored.getUUID("impression_id").toString()).isEqualTo(answer.getString("choices[0].impressionId"));
        assertThat(stored.getString("artwork_id")).isEqualTo(chosen);
        assertThat(stored.getDouble("propensity")).isEqualTo(propensity);
        assertThat(stored.getArrayOfStrings("candidates")).containsExactlyElementsOf(artworks.stream().sorted().toList());
        assertThat(stored.getJsonObject("context").getString("device")).isEqualTo("tv");
        assertThat(stored.getJsonObject("context").getJsonObject("features").getDouble("daypart:evening")).isEqualTo(1.0);
    }

    @Test
    void aViewerKeepsTheirImageThroughTheHoldAndAfterItUntilAnotherIsClearlyBetter() {
        String title = Variants.id("t");
        String a = Variants.id("a");
        String b = Variants.id("a");
        Variants.put(title, a, true);
        Variants.put(title, b, true);
        String user = Variants.id("u");

        JsonPath first = Variants.choose(user, List.of(title), CONSENTED);
        String shown = first.getString("choices[0].artworkId");
        for (int i = 0; i < 5; i++) {
            JsonPath again = Variants.choose(user, List.of(title), CONSENTED);
            assertThat(again.getString("choices[0].artworkId")).isEqualTo(shown);
            assertThat(again.getString("choices[0].why.code")).isEqualTo("sticky");
            assertThat(again.getDouble("choices[0].propensity")).isEqualTo(first.getDouble("choices[0].propensity"));
            assertThat(again.getString("choices[0].impressionId")).isNotEqualTo(first.getString("choices[0].impressionId"));
        }

        // The other variant turns out far better for everybody. Within the hold the viewer still sees what they saw.
        String other = shown.equals(a) ? b : a;
        setStats(title, other, 1000, 600);
        setStats(title, shown, 1000, 20);
        bandit.reload(true).await().indefinitely();
        JsonPath within = Variants.choose(user, List.of(title), CONSENTED);
        assertThat(within.getString("choices[0].artworkId")).isEqualTo(shown);
        assertThat(within.getString("choices[0].why.code")).isEqualTo("sticky");

        // Once the first showing is older than the hold, the expected gain passes the threshold: drawn afresh.
        backdate(user, title, config.stickiness().hold().plusMinutes(1));
        JsonPath after = Variants.choose(user, List.of(title), CONSENTED);
        assertThat(after.getString("choices[0].why.code")).isNotEqualTo("sticky");
    }

    @Test
    void afterTheHoldAnImageNoWorseThanTheThresholdIsKeptAndHeldAgain() {
        String title = Variants.id("t");
        String a = Variants.id("a");
        String b = Variants.id("a");
        Variants.put(title, a, true);
        Variants.put(title, b, true);
        String user = Variants.id("u");
        String shown = Variants.choose(user, List.of(title), CONSENTED).getString("choices[0].artworkId");

        // Neither variant has been shown to anyone else: the same expected reward, a gain of 0. The review keeps it.
        backdate(user, title, config.stickiness().hold().plusMinutes(1));
        Instant review = Instant.now();
        JsonPath later = Variants.choose(user, List.of(title), CONSENTED);
        assertThat(later.getString("choices[0].artworkId")).isEqualTo(shown);
        assertThat(later.getString("choices[0].why.code")).isEqualTo("sticky");
        String[] stored = redis.hash(String.class).hget("test:aw:sticky:" + user, title).split("\\|");
        assertThat(Long.parseLong(stored[3])).isGreaterThanOrEqualTo(review.toEpochMilli());

        // The review started a new hold: the other variant turning out far better does not change the image yet.
        setStats(title, shown.equals(a) ? b : a, 1000, 600);
        setStats(title, shown, 1000, 20);
        bandit.reload(true).await().indefinitely();
        JsonPath held = Variants.choose(user, List.of(title), CONSENTED);
        assertThat(held.getString("choices[0].artworkId")).isEqualTo(shown);
        assertThat(held.getString("choices[0].why.code")).isEqualTo("sticky");
    }

    @Test
    void anImageDrawnToExploreIsKeptOnTheNextView() {
        // 40 titles whose first variant is far better than the second: the second is shown only when the policy
        // explores, and the gain rule alone would take it back at once (0.35 is far above the threshold). Their
        // tag is one no other test uses, so the 2,400 impressions this leaves in the shared model move nothing else.
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            titles.add(titleWith("text", Variants.id("a"), 400, Variants.id("a"), 50, 1000));
        }
        bandit.reload(true).await().indefinitely();

        // ε/2 = 2.5 % of fresh draws explore: within 30 viewers' pages one does, all but certainly (1 − 0.975¹²⁰⁰).
        for (int viewer = 0; viewer < 30; viewer++) {
            String user = Variants.id("u");
            List<Map<String, Object>> page = Variants.choose(user, titles, CONSENTED).getList("choices");
            Map<String, Object> explored = page.stream().filter(c -> "exploring".equals(((Map<?, ?>) c.get("why")).get("code")))
                    .findFirst().orElse(null);
            if (explored == null) {
                continue;
            }
            List<Map<String, Object>> next = Variants.choose(user, titles, CONSENTED).getList("choices");
            Map<String, Object> again = next.stream().filter(c -> c.get("titleId").equals(explored.get("titleId")))
                    .findFirst().orElseThrow();
            assertThat(again.get("artworkId")).isEqualTo(explored.get("artworkId"));
            assertThat(((Map<?, ?>) again.get("why")).get("code")).isEqualTo("sticky");
            return;
        }
        throw new AssertionError("no exploring draw in 1,200: the policy does not explore");
    }

    @Test
    void withoutConsentTheGlobalBestIsShownAndNothingIsLoggedPerViewer() {
        String weak = Variants.id("a");
        String strong = Variants.id("a");
        String title = titleWith("faces", strong, 40, weak, 5, 100);
        bandit.reload(true).await().indefinitely();
        String user = Variants.id("u");

        // Valid tokens that do not grant it, and headers that are no valid token for this viewer: a bare list, a
        // tampered, expired or forged token, another viewer's.
        List<String> headers = new java.util.ArrayList<>(java.util.Arrays.asList((String) null, Tokens.grant(user, ""),
                Tokens.grant(user, "personalization,search-history"), Tokens.grant(user, "artwork_personalization"),
                CONSENTED, Tokens.tampered(user, CONSENTED), Tokens.expired(user, CONSENTED), Tokens.forged(user, CONSENTED),
                Tokens.grant(Variants.id("u"), CONSENTED)));
        for (String header : headers) {
            JsonPath answer = Variants.chooseWithHeader(user, List.of(title), header);
            assertThat(answer.getString("choices[0].artworkId")).isEqualTo(strong);
            assertThat(answer.getString("choices[0].policy")).isEqualTo("global-best");
            assertThat(answer.getDouble("choices[0].propensity")).isEqualTo(1.0);
            assertThat(answer.getString("choices[0].impressionId")).isNull();
            assertThat(answer.getString("choices[0].why.code")).isEqualTo("personalization-off");
        }
        assertThat(repository.impressionsOf(user).await().indefinitely()).isEmpty();
        assertThat(redis.key().exists("test:aw:sticky:" + user, "test:aw:taste:" + user)).isZero();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(redis.hash(Long.class).hget("test:aw:impressions", strong)).isEqualTo((long) headers.size()));
    }

    @Test
    void aPlayThreeHoursAfterTheImpressionIsCreditedOneAfterTheWindowIsNotAndAClickEarnsNothing() {
        String user = Variants.id("u");
        TestKafka.grant(user, Purposes.ARTWORK_PERSONALIZATION);
        String inWindow = Variants.id("t");
        String late = Variants.id("t");
        String clicked = Variants.id("t");
        for (String title : List.of(inWindow, late, clicked)) {
            Variants.put(title, Variants.id("a"), "{\"tags\":[\"faces\"],\"enabled\":true}");
        }
        JsonPath answer = Variants.choose(user, List.of(inWindow, late, clicked), CONSENTED);
        Map<String, Row> rows = logged(user, 3).stream()
                .collect(Collectors.toMap(r -> r.getString("title_id"), r -> r));
        Instant shownAt = rows.get(inWindow).getOffsetDateTime("shown_at").toInstant();
        String artwork = answer.getString("choices[0].artworkId");
        String lateArtwork = answer.getString("choices[1].artworkId");
        String clickedArtwork = answer.getString("choices[2].artworkId");
        // Logging an impression counts it as a trial at once, with no reward yet.
        await().atMost(WAIT).untilAsserted(() -> {
            bandit.reload(true).await().indefinitely();
            assertThat(counts(bandit.current().stats(lateArtwork))).containsExactly(1.0, 0.0);
        });

        // One user's events share a partition, so they are applied in this order: the credited play comes last.
        publish(event(user, late, answer, 1, InteractionType.PLAY, shownAt.plus(Duration.ofHours(5))));
        publish(event(user, clicked, answer, 2, InteractionType.CLICK, shownAt.plus(Duration.ofHours(1))));
        publish(event(user, inWindow, answer, 0, InteractionType.PLAY, shownAt.plus(Duration.ofHours(3))));

        await().atMost(WAIT).untilAsserted(() -> assertThat(row(user, inWindow).getDouble("reward")).isEqualTo(1.0));
        assertThat(row(user, late).getDouble("reward")).isNull();
        assertThat(row(user, clicked).getDouble("reward")).isEqualTo(0.0);

        bandit.reload(true).await().indefinitely();
        assertThat(counts(bandit.current().stats(artwork))).containsExactly(1.0, 1.0);
        assertThat(counts(bandit.current().stats(lateArtwork))).containsExactly(1.0, 0.0);
        assertThat(counts(bandit.current().stats(clickedArtwork))).containsExactly(1.0, 0.0);
        assertThat(redis.hash(Double.class).hgetall("test:aw:taste:" + user))
                .containsEntry("plays", 1.0).containsEntry("tag:faces", 1.0);

        // A redelivered play changes nothing; a later play of the clicked title (same partition, so applied after it)
        // shows when the redelivery has been processed.
        publish(event(user, inWindow, answer, 0, InteractionType.PLAY, shownAt.plus(Duration.ofHours(3))));
        publish(event(user, clicked, answer, 2, InteractionType.PLAY, shownAt.plus(Duration.ofHours(2))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(user, clicked).getDouble("reward")).isEqualTo(1.0));
        bandit.reload(true).await().indefinitely();
        assertThat(counts(bandit.current().stats(artwork))).containsExactly(1.0, 1.0);
        assertThat(counts(bandit.current().stats(clickedArtwork))).containsExactly(1.0, 1.0);
        assertThat(redis.hash(Double.class).hgetall("test:aw:taste:" + user)).containsEntry("plays", 2.0);
    }

    @Test
    void aPersonalizedChoiceIsInTheLogBeforeItIsAnswered() {
        String user = Variants.id("u");
        TestKafka.grant(user, Purposes.ARTWORK_PERSONALIZATION);
        List<String> titles = List.of(Variants.id("t"), Variants.id("t"), Variants.id("t"));
        titles.forEach(t -> Variants.put(t, Variants.id("a"), true));

        JsonPath answer = Variants.choose(user, titles, CONSENTED);

        // Read at once, without waiting: served = logged, each shown impression id has its row.
        List<Row> rows = repository.impressionsOf(user).await().indefinitely();
        assertThat(rows).extracting(r -> r.getUUID("impression_id").toString())
                .containsExactlyInAnyOrderElementsOf(answer.getList("choices.impressionId"));
        assertThat(answer.getList("choices.impressionId")).hasSize(3).doesNotContainNull();
    }

    @Test
    void aPlayWhoseImpressionWasNeverLoggedIsUnmatchedAndNotKeptForLater() {
        String user = Variants.id("u");
        TestKafka.grant(user, Purposes.ARTWORK_PERSONALIZATION);
        String title = Variants.id("t");
        Variants.put(title, Variants.id("a"), true);
        JsonPath answer = Variants.choose(user, List.of(title), CONSENTED);
        Instant shownAt = logged(user, 1).get(0).getOffsetDateTime("shown_at").toInstant();
        double unmatchedBefore = unmatched();

        UUID unknown = UUID.randomUUID();
        publish(new InteractionRecorded(1, UUID.randomUUID(), user, "t-unknown", InteractionType.PLAY, 12.0, "a-unknown",
                unknown.toString(), null, null, shownAt.plusSeconds(30)));
        // The user's events are applied in order: once this later play is credited, the unknown one has been tried.
        publish(event(user, title, answer, 0, InteractionType.PLAY, shownAt.plusSeconds(30)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(user, title).getDouble("reward")).isEqualTo(1.0));

        assertThat(unmatched() - unmatchedBefore).isEqualTo(1.0);
    }

    @Test
    void aRestartedServiceStartsFromTheLearnedStateNotFromScratch() {
        String artwork = showAndPlay().artwork();
        bandit.reload(true).await().indefinitely();
        BanditState.Snapshot before = bandit.current();

        // A new instance, as after a restart or on another replica, built from PostgreSQL alone.
        BanditState restarted = new BanditState(repository, features, config);
        restarted.reload(true).await().indefinitely();

        assertThat(counts(restarted.current().stats(artwork))).containsExactly(1.0, 1.0);
        assertThat(restarted.current().stats()).isEqualTo(before.stats());
        assertThat(restarted.current().linear().observations()).isEqualTo(before.linear().observations()).isPositive();
        SparseVector probe = features.context(Taste.NONE, "tv", LocalTime.of(21, 0), "en-GB");
        SparseVector phi = SparseVector.outer(probe, features.armFeatures(List.of("faces")), features.armDim());
        assertThat(restarted.current().linear().mean(phi)).isCloseTo(before.linear().mean(phi), within(1e-9));
    }

    @Test
    void impressionsPastTheirRetentionArePurged() {
        String user = Variants.id("u");
        Instant now = Instant.now();
        Duration retention = config.propensityLog().retention();
        repository.pool().withTransaction(tx -> repository.insert(tx, List.of(impression(user, now.minus(retention).minusSeconds(60)),
                impression(user, now.minus(retention).plusSeconds(3600))))).await().indefinitely();

        assertThat(log.purge(now).await().indefinitely()).isPositive();

        assertThat(repository.impressionsOf(user).await().indefinitely()).hasSize(1);
    }

    @Test
    void theExportIsInTheOpenBanditDatasetLayoutWithoutUserIds() {
        Played played = showAndPlay();
        String artwork = played.artwork();
        Instant at = played.shownAt();

        // By default only choices whose reward window has closed: this one's is open for hours yet.
        assertThat(asOperator().queryParam("from", at.minusSeconds(1).toString()).queryParam("to", at.plusSeconds(1).toString())
                .get("/internal/propensity-log.csv").then().statusCode(200).extract().asString()).doesNotContain(artwork);
        String csv = asOperator().queryParam("from", at.minusSeconds(1).toString()).queryParam("to", at.plusSeconds(1).toString())
                .queryParam("includeOpen", true)
                .get("/internal/propensity-log.csv").then().statusCode(200).extract().asString();

        assertThat(csv).startsWith(",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,"
                + "user_feature_2,user_feature_3,title_id,candidates\n").doesNotContain(played.user());
        String line = csv.lines().filter(l -> l.contains(artwork)).findFirst().orElseThrow();
        assertThat(line.split(",", -1)).hasSize(12);
        assertThat(line).contains("," + artwork + ",1,1," + played.propensity() + ",tv,evening,en,," + played.title() + "," + artwork);
    }

    @Test
    void badExportRangesAre400ProblemsNamingTheParameter() {
        asOperator().queryParam("from", "yesterday").get("/internal/propensity-log.csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
        asOperator().queryParam("to", "2026-13-01T00:00:00Z").get("/internal/propensity-log.csv")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        asOperator().queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get("/internal/propensity-log.csv")
                .then().statusCode(400).body("detail", equalTo("from must be before to"));
        asOperator().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z").get("/internal/propensity-log.csv")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    private LoggedImpression impression(String user, Instant shownAt) {
        return new LoggedImpression(UUID.randomUUID(), user, "t-old", "a-old", "linucb", 0.5, false, List.of("a-old"),
                "{}", SparseVector.EMPTY, new int[0], features.layout(), 0.05, shownAt);
    }

    /** A title with one variant, shown to a new consenting viewer, who played it a minute later (credited). */
    private record Played(String title, String artwork, String user, double propensity, Instant shownAt) {
    }

    private Played showAndPlay() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, true);
        String user = Variants.id("u");
        TestKafka.grant(user, Purposes.ARTWORK_PERSONALIZATION);
        JsonPath answer = Variants.choose(user, List.of(title), CONSENTED);
        Instant shownAt = logged(user, 1).get(0).getOffsetDateTime("shown_at").toInstant();
        publish(event(user, title, answer, 0, InteractionType.PLAY, shownAt.plusSeconds(60)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(user, title).getDouble("reward")).isEqualTo(1.0));
        return new Played(title, artwork, user, answer.getDouble("choices[0].propensity"), shownAt);
    }

    /** The viewer's logged impressions, once there are {@code n} of them (the log is written in batches). */
    private double unmatched() {
        return registry.counter("serenade.artwork.rewards.unmatched").count();
    }

    private List<Row> logged(String user, int n) {
        return await().atMost(WAIT).until(() -> repository.impressionsOf(user).await().indefinitely(), r -> r.size() == n);
    }

    private Row row(String user, String title) {
        return repository.impressionsOf(user).await().indefinitely().stream()
                .filter(r -> r.getString("title_id").equals(title)).findFirst().orElseThrow();
    }

    /** A fresh title with two enabled variants, both tagged {@code tag}, that earned the given plays in as many impressions each. */
    private String titleWith(String tag, String strong, double strongPlays, String weak, double weakPlays, double impressions) {
        String title = Variants.id("t");
        String body = "{\"tags\":[\"" + tag + "\"],\"enabled\":true}";
        Variants.put(title, strong, body);
        Variants.put(title, weak, body);
        setStats(title, strong, impressions, strongPlays);
        setStats(title, weak, impressions, weakPlays);
        return title;
    }

    /**
     * Moves the viewer's first showing and last review of the title back by {@code age}, as if that much time had
     * passed ("artworkId|shownAt|propensity|reviewedAt").
     */
    private void backdate(String user, String title, Duration age) {
        String key = "test:aw:sticky:" + user;
        String[] parts = redis.hash(String.class).hget(key, title).split("\\|");
        parts[1] = Long.toString(Instant.now().minus(age).toEpochMilli());
        parts[3] = parts[1];
        redis.hash(String.class).hset(key, title, String.join("|", parts));
    }

    private void setStats(String title, String artwork, double trials, double reward) {
        repository.pool().preparedQuery("""
                INSERT INTO variant_stats (artwork_id, title_id, trials, reward) VALUES ($1, $2, $3, $4)
                ON CONFLICT (artwork_id) DO UPDATE SET trials = excluded.trials, reward = excluded.reward
                """).execute(Tuple.of(artwork, title, trials, reward))
                .flatMap(done -> repository.pool().query("UPDATE bandit_version SET version = version + 1").execute())
                .await().indefinitely();
    }

    private static InteractionRecorded event(String user, String title, JsonPath answer, int index, InteractionType type,
                                             Instant at) {
        assertThat(answer.getString("choices[" + index + "].titleId")).isEqualTo(title);
        return new InteractionRecorded(1, UUID.randomUUID(), user, title, type, type == InteractionType.PLAY ? 42.0 : null,
                answer.getString("choices[" + index + "].artworkId"), answer.getString("choices[" + index + "].impressionId"),
                null, null, at);
    }

    private static void publish(InteractionRecorded event) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, event.userId(), event));
        }
    }

    private static List<Double> counts(BetaStats s) {
        return List.of(s.trials(), s.reward());
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
