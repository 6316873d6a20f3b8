package io.serenade.artwork;

import io.serenade.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** artwork-service's own test topics on the real broker (see TestBroker). */
public class TestTopics extends TestBroker {

    /** Compacted, as the real catalog topic is. */
    public static final String CATALOG = "test-artwork-catalog";
    /** Keyed by user and partitioned like the real interactions topic. */
    public static final String INTERACTIONS = "test-artwork-interactions";
    public static final String CONSENT_CHANGES = "test-artwork-consent-changes";
    public static final String ERASURE_REQUESTS = "test-artwork-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-artwork-erasure-receipts";
    public static final String DEAD_LETTERS = "test-artwork-dead-letters";

    @Override
    protected List<NewTopic> topics() {
        return List.of(compacted(CATALOG), new NewTopic(INTERACTIONS, 6, (short) 1), compacted(CONSENT_CHANGES),
                topic(ERASURE_REQUESTS), topic(ERASURE_RECEIPTS), topic(DEAD_LETTERS));
    }
}
