package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the test's own topics on the real broker before the application starts (the broker does not
 * auto-create topics), so tests never read or disturb the demo suite's topics.
 */
public class TestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = "127.0.0.1:9092";
    /** Compacted, as the real consent topic is. */
    public static final String CONSENT_CHANGES = "test-consent-changes";
    public static final String DATA_USE = "test-consent-data-use";
    public static final String ERASURE_REQUESTS = "test-consent-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-consent-erasure-receipts";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            List<NewTopic> topics = List.of(
                    new NewTopic(CONSENT_CHANGES, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(DATA_USE, 3, (short) 1),
                    new NewTopic(ERASURE_REQUESTS, 3, (short) 1),
                    new NewTopic(ERASURE_RECEIPTS, 3, (short) 1));
            // One future per topic: one that exists already must not hide another's failure.
            for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create test topics; is Kafka up (scripts/infra.sh up)?", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
