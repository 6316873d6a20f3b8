package io.serenade.ranking;

import io.serenade.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** ranking-service's own test topics on the real broker (see TestBroker). */
public class TestTopics extends TestBroker {

    public static final String INTERACTIONS = "test-ranking-interactions";
    public static final String CATALOG = "test-ranking-catalog";
    public static final String FORGOTTEN = "test-ranking-interactions-forgotten";
    public static final String CONSENT_CHANGES = "test-ranking-consent-changes";
    public static final String ERASURE_REQUESTS = "test-ranking-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-ranking-erasure-receipts";
    public static final String DEAD_LETTERS = "test-ranking-dead-letters";

    @Override
    protected List<NewTopic> topics() {
        return List.of(topic(INTERACTIONS), topic(CATALOG), topic(FORGOTTEN), compacted(CONSENT_CHANGES),
                topic(ERASURE_REQUESTS), topic(ERASURE_RECEIPTS), topic(DEAD_LETTERS));
    }
}
