package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.model.ConsentView;
import io.serenade.ranking.repository.ConsentViewRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** ranking's own consent view, fed by the real (test) consent topic and stored in the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConsentViewRepository views;
    private final Pool pool;

    ConsentViewTest(ConsentViewRepository views, Pool pool) {
        this.views = views;
        this.pool = pool;
    }

    @Test
    void aChangeReachesTheViewAndAWithdrawalReplacesTheGrant() {
        String user = "cv-" + UUID.randomUUID();
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestKafka.send(TestTopics.CONSENT_CHANGES, user, TestKafka.consent(user, granted, "personalization", "search-history"));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("purposes", contains("personalization", "search-history"))
                .body("changedAt", equalTo(granted.toString()))
                .body("appliedAt", notNullValue()));

        Instant withdrawn = granted.plusSeconds(1);
        TestKafka.send(TestTopics.CONSENT_CHANGES, user, new ConsentChanged(0, user,
                Map.of("personalization", ConsentState.WITHDRAWN, "search-history", ConsentState.GRANTED),
                "personalization", "2026-01", "api", withdrawn));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("purposes", contains("search-history"))
                .body("changedAt", equalTo(withdrawn.toString())));
    }

    @Test
    void aChangeThatCannotBeReadOrOrderedClearsTheGrantsForItMayHaveBeenAWithdrawal() {
        String unreadable = "cv-" + UUID.randomUUID(), undated = "cv-" + UUID.randomUUID();
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestKafka.send(TestTopics.CONSENT_CHANGES, unreadable, TestKafka.consent(unreadable, granted, "personalization"));
        TestKafka.send(TestTopics.CONSENT_CHANGES, undated, TestKafka.consent(undated, granted, "personalization"));
        for (String user : List.of(unreadable, undated)) {
            await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", contains("personalization")));
        }

        TestKafka.sendRaw(TestTopics.CONSENT_CHANGES, unreadable, "{not json".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(TestTopics.CONSENT_CHANGES, undated, new ConsentChanged(0, undated,
                Map.of("personalization", ConsentState.WITHDRAWN), "personalization", "2026-01", "api", null));

        for (String user : List.of(unreadable, undated)) {
            await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", empty())
                    .body("changedAt", equalTo(granted.toString())));
        }
        // The stored changedAt is kept: the grant replayed stays stale, the user's next change applies.
        TestKafka.send(TestTopics.CONSENT_CHANGES, unreadable, TestKafka.consent(unreadable, granted, "personalization"),
                TestKafka.consent(unreadable, granted.plusSeconds(1), "search-history"));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", unreadable).then().statusCode(200)
                .body("purposes", contains("search-history")));
    }

    @Test
    void onlyANewerChangeApplies() {
        String user = "cv-" + UUID.randomUUID();
        Instant now = Instant.now();
        ConsentView first = views.apply(user, List.of(), now, now).await().atMost(WAIT);
        assertThat(first.purposes()).isEmpty();

        assertThat(views.apply(user, List.of("personalization"), now.minusSeconds(5), now).await().atMost(WAIT))
                .as("an older change, replayed late").isNull();
        assertThat(views.apply(user, List.of("personalization"), now, now).await().atMost(WAIT))
                .as("the same change, redelivered").isNull();
        assertThat(views.find(user).await().atMost(WAIT).purposes()).isEmpty();

        assertThat(views.apply(user, List.of("personalization"), now.plusSeconds(1), now).await().atMost(WAIT).purposes())
                .containsExactly("personalization");
    }

    @Test
    void aTombstoneDropsTheViewAndLeavesTheDataToTheErasureRequest() {
        String user = "cv-" + UUID.randomUUID();
        TestKafka.grant(List.of(user), "personalization");
        TestKafka.send(TestTopics.INTERACTIONS, user,
                new InteractionRecorded(0, UUID.randomUUID(), user, "t-1", InteractionType.PLAY, null, null, null, null, null, Instant.now()));
        await().atMost(WAIT).until(() -> rows(user) == 1);

        TestKafka.send(TestTopics.CONSENT_CHANGES, user, (Object) null);

        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404)
                .contentType("application/problem+json"));
        assertThat(rows(user)).as("deleted by the erasure request, which counts it in its receipt").isEqualTo(1);
    }

    @Test
    void anUnknownUserIs404AndABadIdIs400() {
        asOperator().get("/internal/consent-view/{u}", "nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        for (String bad : new String[] {"u".repeat(65), "bad!id", "a b"}) {
            asOperator().get("/internal/consent-view/{u}", bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        }
    }

    private long rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}
