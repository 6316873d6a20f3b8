package io.serenade.artwork;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Erasure through the real topics: every store of the viewer's is emptied, nobody else's, and a receipt says what went. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ARTWORK = Purposes.ARTWORK_PERSONALIZATION;

    private final BanditRepository repository;
    private final RedisDataSource redis;

    ErasureTest(BanditRepository repository, RedisDataSource redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Test
    void anErasureEmptiesEveryStoreOfTheViewerAndAnswersWithAReceiptAgainWhenRepeated() {
        String user = Variants.id("u"), other = Variants.id("u");
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, true);
        TestKafka.grant(user, ARTWORK);
        TestKafka.grant(other, ARTWORK);
        JsonPath answer = Variants.choose(user, List.of(title), ARTWORK);
        Variants.choose(other, List.of(title), ARTWORK);
        List<Row> rows = logged(user, 1);
        logged(other, 1);
        TestTopics.send(TestTopics.INTERACTIONS, user, new InteractionRecorded(1, UUID.randomUUID(), user, title,
                InteractionType.PLAY, 30.0, artwork, answer.getString("choices[0].impressionId"), null, null,
                rows.get(0).getOffsetDateTime("shown_at").toInstant().plusSeconds(10)));
        await().atMost(WAIT).until(() -> redis.key().exists(taste(user)) && redis.key().exists(sticky(other)));
        double[] statsBefore = stats(artwork);

        UUID erasureId = UUID.randomUUID();
        TestTopics.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now()));

        ErasureReceipt receipt = TestTopics.receipts(TestTopics.ERASURE_RECEIPTS, erasureId, 1).get(0);
        assertThat(receipt.service()).isEqualTo("artwork-service");
        assertThat(receipt.userId()).isEqualTo(user);
        assertThat(receipt.deletedPerStore()).containsEntry("postgresql:impressions", 1L)
                .containsEntry("postgresql:consent_view", 1L).containsEntry("redis:keys", 2L)
                .containsEntry("memory:user-state", 0L);
        assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(erasureId, List.of("impressions/" + rows.get(0).getUUID("impression_id"),
                "consent_view/" + user, "redis/" + sticky(user), "redis/" + taste(user))));

        assertThat(repository.impressionsOf(user).await().atMost(WAIT)).isEmpty();
        assertThat(redis.key().exists(sticky(user), taste(user))).isZero();
        asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404);
        asConsent().get("/internal/users/{u}/data", user).then().statusCode(200).body("holdings.size()", equalTo(0));
        // The learned sums are the audience's, with no user id in them: they stay.
        assertThat(stats(artwork)).isEqualTo(statsBefore);

        assertThat(repository.impressionsOf(other).await().atMost(WAIT)).as("another viewer's data stays").hasSize(1);
        assertThat(redis.key().exists(sticky(other))).isTrue();
        asOperator().get("/internal/consent-view/{u}", other).then().statusCode(200);

        TestTopics.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(0, erasureId, user, Instant.now()));
        ErasureReceipt again = TestTopics.receipts(TestTopics.ERASURE_RECEIPTS, erasureId, 2).get(1);
        assertThat(again.deletedPerStore()).containsEntry("postgresql:impressions", 0L).containsEntry("redis:keys", 0L);
        assertThat(again.digest()).isEqualTo(ErasureDigest.of(erasureId, List.of()));
    }

    private double[] stats(String artwork) {
        Row r = repository.pool().preparedQuery("SELECT trials, reward FROM variant_stats WHERE artwork_id = $1")
                .execute(Tuple.of(artwork)).await().atMost(WAIT).iterator().next();
        return new double[] {r.getDouble(0), r.getDouble(1)};
    }

    private List<Row> logged(String user, int n) {
        return await().atMost(WAIT).until(() -> repository.impressionsOf(user).await().indefinitely(), r -> r.size() == n);
    }

    private static String sticky(String user) {
        return "test:aw:sticky:" + user;
    }

    private static String taste(String user) {
        return "test:aw:taste:" + user;
    }

}
