package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
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
    public static final String INTERACTIONS = "test-gateway-interactions";
    public static final String CONSENT_CHANGES = "test-gateway-consent-changes";
    public static final String DATA_USE = "test-gateway-data-use";
    public static final String ERASURE_REQUESTS = "test-gateway-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-gateway-erasure-receipts";

    /** Every topic the gateway writes in tests: the fuzz test checks none of them grew. */
    public static final List<String> WRITTEN = List.of(INTERACTIONS, DATA_USE, ERASURE_RECEIPTS);

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            Map<String, KafkaFuture<Void>> created = admin.createTopics(List.of(
                    new NewTopic(INTERACTIONS, 3, (short) 1),
                    new NewTopic(CONSENT_CHANGES, 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(DATA_USE, 3, (short) 1),
                    new NewTopic(ERASURE_REQUESTS, 3, (short) 1),
                    new NewTopic(ERASURE_RECEIPTS, 3, (short) 1))).values();
            for (KafkaFuture<Void> topic : created.values()) {
                try {
                    topic.get();
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
