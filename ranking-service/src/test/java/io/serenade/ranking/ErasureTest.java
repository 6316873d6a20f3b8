package io.serenade.ranking;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.kit.identity.Pseudonyms;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Erasure through the real topics: everything of the user goes, nobody else's, and a receipt says what went. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Pool pool;
    private final RedisDataSource redis;
    private final Pseudonyms pseudonyms;

    ErasureTest(Pool pool, RedisDataSource redis, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.pool = pool;
        this.redis = redis;
    }

    @Test
    void anErasureDeletesEverythingOfTheUserAndAnswersWithAReceiptAgainWhenRepeated() {
        String user = "er-" + UUID.randomUUID(), other = "er-other-" + UUID.randomUUID();
        String title = "er-title-" + UUID.randomUUID();
        List<InteractionRecorded> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(event(user, title));
        }
        InteractionRecorded theirs = event(other, title);
        TestTopics.send(TestTopics.INTERACTIONS, user, mine.toArray());
        TestTopics.send(TestTopics.INTERACTIONS, other, theirs);
        TestTopics.send(TestTopics.FORGOTTEN, user, new InteractionForgotten(0, mine.get(4).eventId(), user, Instant.now()));
        TestKafka.grant(List.of(user, other), "personalization");
        await().atMost(WAIT).until(() -> rows("interactions", user) == 4 && rows("forgotten_events", user) == 1
                && rows("interactions", other) == 1);
        double before = popularity(title);

        UUID erasureId = UUID.randomUUID();
        TestTopics.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now()));

        List<ErasureReceipt> receipts = TestTopics.receipts(TestTopics.ERASURE_RECEIPTS, erasureId, 1);
        ErasureReceipt receipt = receipts.get(0);
        assertThat(receipt.service()).isEqualTo("ranking-service");
        assertThat(receipt.userId()).isEqualTo(user);
        assertThat(receipt.deletedPerStore()).containsEntry("postgresql:interactions", 4L)
                .containsEntry("postgresql:forgotten_events", 1L).containsEntry("postgresql:consent_view", 1L)
                .doesNotContainKeys("redis:keys", "memory:user-state");
        List<String> deleted = new ArrayList<>();
        mine.subList(0, 4).forEach(e -> deleted.add("interactions/" + e.eventId()));
        deleted.add("forgotten_events/" + mine.get(4).eventId());
        deleted.add("consent_view/" + user);
        assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(erasureId, deleted));
        assertThat(receipt.completedAt()).isNotNull();

        assertThat(rows("interactions", user)).isZero();
        assertThat(rows("forgotten_events", user)).isZero();
        asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404);
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).body("holdings.size()", equalTo(0));
        assertThat(popularity(title)).as("the user's plays are taken back out of popularity").isCloseTo(before - 4, within(0.01));

        assertThat(rows("interactions", other)).as("another user's data stays").isEqualTo(1);
        asOperator().get("/internal/consent-view/{u}", other).then().statusCode(200);

        // The same request again (consent-service retries): nothing left to delete, and a receipt all the same.
        TestTopics.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now()));
        ErasureReceipt again = TestTopics.receipts(TestTopics.ERASURE_RECEIPTS, erasureId, 2).get(1);
        assertThat(again.deletedPerStore()).containsEntry("postgresql:interactions", 0L).containsEntry("postgresql:consent_view", 0L);
        assertThat(again.digest()).isEqualTo(ErasureDigest.of(erasureId, List.of()));
    }

    @Test
    void anEventStillInFlightWhenTheUserWasErasedIsNotStoredAgainButALaterOneIs() {
        String user = "er-" + UUID.randomUUID(), title = "er-title-" + UUID.randomUUID();
        TestTopics.send(TestTopics.INTERACTIONS, user, event(user, title));
        await().atMost(WAIT).until(() -> rows("interactions", user) == 1);
        UUID erasureId = UUID.randomUUID();
        TestTopics.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now()));
        TestTopics.receipts(TestTopics.ERASURE_RECEIPTS, erasureId, 1);
        assertThat(rows("interactions", user)).isZero();

        // Same key, same partition: the newer event is stored after the older one was considered.
        InteractionRecorded inFlight = new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY,
                null, null, null, null, null, Instant.now().minusSeconds(60));
        InteractionRecorded later = new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY,
                null, null, null, null, null, Instant.now().plusSeconds(5));
        TestTopics.send(TestTopics.INTERACTIONS, user, inFlight, later);
        await().atMost(WAIT).until(() -> rows("interactions", user) == 1);
        assertThat(pool.preparedQuery("SELECT event_id FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getUUID(0)).as("only the event after the erasure").isEqualTo(later.eventId());
        assertThat(pool.preparedQuery("SELECT count(*) FROM erased_users WHERE user_hash = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getLong(0)).as("the user id itself is not kept").isZero();
        assertThat(pool.preparedQuery("SELECT count(*) FROM erased_users WHERE user_hash = $1").execute(Tuple.of(pseudonyms.of(user)))
                .await().atMost(WAIT).iterator().next().getLong(0)).as("the user's keyed pseudonym is").isEqualTo(1);
    }


    private double popularity(String title) {
        // Forward-decayed units (see PopularityCounter): divided by the growth now, one play is worth about 1.
        double growth = Math.pow(2, Duration.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.now()).toSeconds()
                / (double) Duration.ofDays(7).toSeconds());
        var score = redis.sortedSet(String.class).zscore("test:rk:popularity", title);
        return score.isPresent() ? score.getAsDouble() / growth : 0;
    }

    private long rows(String table, String user) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static InteractionRecorded event(String user, String title) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY, null, null, null, null, null,
                Instant.now());
    }
}
