package io.serenade.artwork;

import io.serenade.kit.testing.ConsentViewContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The kit's consent view in artwork-service, and what ViewerConsent does to a viewer's state when it changes. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest extends ConsentViewContract {

    private static final String ARTWORK = Purposes.ARTWORK_PERSONALIZATION;

    private final BanditRepository repository;
    private final RedisDataSource redis;

    ConsentViewTest(BanditRepository repository, RedisDataSource redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    protected String consentTopic() {
        return TestTopics.CONSENT_CHANGES;
    }

    @Test
    void aWithdrawalDeletesTheViewersRedisStateAtOnceAndTheirLaterPlaysEarnNothing() {
        String user = Variants.id("u");
        String first = Variants.id("t"), second = Variants.id("t");
        Variants.put(first, Variants.id("a"), true);
        Variants.put(second, Variants.id("a"), true);
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestTopics.send(TestTopics.CONSENT_CHANGES, user, ConsentViewContract.consent(user, granted, ARTWORK));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("userId", equalTo(user)).body("purposes", contains(ARTWORK))
                .body("changedAt", equalTo(granted.toString())).body("appliedAt", notNullValue()));

        JsonPath answer = Variants.choose(user, List.of(first, second), ARTWORK);
        Instant shownAt = logged(user, 2).get(0).getOffsetDateTime("shown_at").toInstant();
        TestTopics.send(TestTopics.INTERACTIONS, user, play(user, answer, 0, shownAt.plusSeconds(30)));
        await().atMost(WAIT).until(() -> reward(user, first) != null);
        assertThat(redis.key().exists("test:aw:sticky:" + user, "test:aw:taste:" + user)).isEqualTo(2);

        Instant withdrawn = granted.plusSeconds(1);
        TestTopics.send(TestTopics.CONSENT_CHANGES, user, new ConsentChanged(0, user,
                Map.of(ARTWORK, ConsentState.WITHDRAWN, Purposes.PERSONALIZATION, ConsentState.GRANTED), ARTWORK, "2026-01",
                "api", withdrawn));
        await().atMost(WAIT).until(() -> redis.key().exists("test:aw:sticky:" + user, "test:aw:taste:" + user) == 0);
        asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("purposes", contains(Purposes.PERSONALIZATION)).body("changedAt", equalTo(withdrawn.toString()));
        assertThat(repository.impressionsOf(user).await().atMost(WAIT)).as("the viewer's impressions go with the grant, "
                + "in the transaction that applied the withdrawal").isEmpty();

        // A play of the second title, then a consenting viewer's play applied after it (same partition, in order).
        String witness = TestKafka.onTheSamePartitionAs(user, 6);
        TestKafka.grant(witness, ARTWORK);
        String witnessTitle = Variants.id("t");
        Variants.put(witnessTitle, Variants.id("a"), true);
        JsonPath witnessAnswer = Variants.choose(witness, List.of(witnessTitle), ARTWORK);
        Instant witnessShown = logged(witness, 1).get(0).getOffsetDateTime("shown_at").toInstant();
        TestTopics.send(TestTopics.INTERACTIONS, user, play(user, answer, 1, shownAt.plusSeconds(60)));
        TestTopics.send(TestTopics.INTERACTIONS, witness, play(witness, witnessAnswer, 0, witnessShown.plusSeconds(5)));
        await().atMost(WAIT).until(() -> reward(witness, witnessTitle) != null);

        assertThat(repository.impressionsOf(user).await().atMost(WAIT)).as("nothing logged or credited after the withdrawal").isEmpty();
        assertThat(redis.key().exists("test:aw:taste:" + user)).as("no taste learned after the withdrawal").isFalse();
    }

    @Test
    void aTombstoneDropsTheViewAndTheViewersKeysAndLeavesImpressionsToTheErasureRequest() {
        String user = Variants.id("u");
        String title = Variants.id("t");
        Variants.put(title, Variants.id("a"), true);
        TestKafka.grant(user, ARTWORK);
        Variants.choose(user, List.of(title), ARTWORK);
        logged(user, 1);

        TestTopics.send(TestTopics.CONSENT_CHANGES, user, (Object) null);

        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404)
                .contentType("application/problem+json"));
        await().atMost(WAIT).until(() -> !redis.key().exists("test:aw:sticky:" + user));
        assertThat(repository.impressionsOf(user).await().atMost(WAIT)).as("deleted by the erasure request, with a receipt")
                .hasSize(1);
    }

    @Test
    void aChangeThatCannotBeReadOrOrderedEndsTheGrantAndTheViewersKeysForItMayHaveBeenAWithdrawal() {
        String unreadable = Variants.id("u"), undated = Variants.id("u");
        String title = Variants.id("t");
        Variants.put(title, Variants.id("a"), true);
        for (String user : List.of(unreadable, undated)) {
            TestKafka.grant(user, ARTWORK);
            Variants.choose(user, List.of(title), ARTWORK);
            await().atMost(WAIT).until(() -> redis.key().exists("test:aw:sticky:" + user));
        }

        TestTopics.sendRaw(TestTopics.CONSENT_CHANGES, unreadable, "{not json".getBytes(StandardCharsets.UTF_8));
        TestTopics.send(TestTopics.CONSENT_CHANGES, undated, new ConsentChanged(0, undated,
                Map.of(ARTWORK, ConsentState.WITHDRAWN), ARTWORK, "2026-01", "api", null));

        for (String user : List.of(unreadable, undated)) {
            await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", empty()));
            await().atMost(WAIT).until(() -> !redis.key().exists("test:aw:sticky:" + user));
        }
    }


    private List<Row> logged(String user, int n) {
        return await().atMost(WAIT).until(() -> repository.impressionsOf(user).await().indefinitely(), r -> r.size() == n);
    }

    private Double reward(String user, String title) {
        return repository.impressionsOf(user).await().atMost(WAIT).stream()
                .filter(r -> r.getString("title_id").equals(title)).findFirst().orElseThrow().getDouble("reward");
    }

    private static InteractionRecorded play(String user, JsonPath answer, int index, Instant at) {
        return new InteractionRecorded(1, UUID.randomUUID(), user, answer.getString("choices[" + index + "].titleId"),
                InteractionType.PLAY, 42.0, answer.getString("choices[" + index + "].artworkId"),
                answer.getString("choices[" + index + "].impressionId"), null, null, at);
    }
}
