package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.kit.testing.ConsentViewContract;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The kit's consent view in ranking-service (what training obeys), on the real consent topic and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest extends ConsentViewContract {

    private final Pool pool;

    ConsentViewTest(Pool pool) {
        this.pool = pool;
    }

    @Override
    protected String consentTopic() {
        return TestTopics.CONSENT_CHANGES;
    }

    @Test
    void aTombstoneLeavesTheDataToTheErasureRequest() {
        String user = "cv-" + UUID.randomUUID();
        TestKafka.grant(List.of(user), "personalization");
        TestTopics.send(TestTopics.INTERACTIONS, user,
                new InteractionRecorded(0, UUID.randomUUID(), user, "t-1", InteractionType.PLAY, null, null, null, null, null, Instant.now()));
        await().atMost(WAIT).until(() -> rows(user) == 1);

        TestTopics.send(TestTopics.CONSENT_CHANGES, user, (Object) null);

        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404));
        assertThat(rows(user)).as("deleted by the erasure request, which counts it in its receipt").isEqualTo(1);
    }

    private long rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().atMost(WAIT).iterator().next().getLong(0);
    }
}
