package io.serenade.profile;

import io.serenade.kit.testing.ConsentViewContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.InteractionRecorded;
import io.serenade.profile.repository.InteractionRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kit's consent view in profile-service (notifications are decided on it), and search text following
 * search-history (SearchTextConsent).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentViewTest extends ConsentViewContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final Pool pool;
    private final InteractionRepository interactions;

    ConsentViewTest(Pool pool, InteractionRepository interactions) {
        this.pool = pool;
        this.interactions = interactions;
    }

    @Override
    protected String consentTopic() {
        return TestTopics.CONSENT_CHANGES;
    }

    private static ConsentChanged change(String user, Instant at, Map<String, ConsentState> consents) {
        return new ConsentChanged(0, user, consents, "notifications", "2026-11", "test", at);
    }

    @Test
    void searchTextIsStoredOnlyUnderSearchHistoryAndDroppedWhenItIsWithdrawn() {
        String user = UUID.randomUUID().toString();
        String bystander = UUID.randomUUID().toString();
        String unconsented = UUID.randomUUID().toString();
        TestData.consent(pool, user, "search-history");
        TestData.consent(pool, bystander, "search-history");
        insert(List.of(UserDataTest.search(user, "space opera", T0), UserDataTest.search(bystander, "noir", T0),
                UserDataTest.search(unconsented, "quiet film", T0)));
        assertThat(queries(user)).containsExactly("space opera");
        assertThat(queries(unconsented)).as("no search-history: stored as a bare search").containsExactly((String) null);

        try (KafkaProducer<String, Object> producer = TestData.producer()) {
            producer.send(new ProducerRecord<>(TestTopics.CONSENT_CHANGES, user, change(user, Instant.now(), Map.of(
                    "search-history", ConsentState.WITHDRAWN, "notifications", ConsentState.GRANTED))));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> queries(user).equals(Collections.singletonList(null)));
        }
        assertThat(queries(bystander)).containsExactly("noir");
    }

    private List<String> queries(String user) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("SELECT query FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .await().indefinitely().forEach(r -> out.add(r.getString(0)));
        return out;
    }

    private void insert(List<InteractionRecorded> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> interactions.insertIgnoringDuplicates(events));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

}
