package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
    public static final String INTERACTIONS = "test-profile-interactions";
    public static final String FORGOTTEN = "test-profile-interactions-forgotten";
    public static final String CONSENT_CHANGES = "test-profile-consent-changes";
    public static final String ERASURE_REQUESTS = "test-profile-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-profile-erasure-receipts";
    public static final String DATA_USE = "test-profile-data-use";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            List<NewTopic> topics = List.of(new NewTopic(INTERACTIONS, 3, (short) 1), new NewTopic(FORGOTTEN, 3, (short) 1),
                    new NewTopic(CONSENT_CHANGES, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(ERASURE_REQUESTS, 3, (short) 1), new NewTopic(ERASURE_RECEIPTS, 3, (short) 1),
                    new NewTopic(DATA_USE, 3, (short) 1));
            // One by one: a topic left by an earlier run must not stop the others from being created.
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
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
