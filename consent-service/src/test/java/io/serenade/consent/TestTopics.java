package io.serenade.consent;

import io.serenade.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** consent-service's own test topics on the real broker (see TestBroker). */
public class TestTopics extends TestBroker {

    /** Compacted, as the real consent topic is. */
    public static final String CONSENT_CHANGES = "test-consent-changes";
    public static final String DATA_USE = "test-consent-data-use";
    public static final String ERASURE_REQUESTS = "test-consent-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-consent-erasure-receipts";
    public static final String DEAD_LETTERS = "test-consent-dead-letters";

    @Override
    protected List<NewTopic> topics() {
        return List.of(compacted(CONSENT_CHANGES), topic(DATA_USE), topic(ERASURE_REQUESTS), topic(ERASURE_RECEIPTS), topic(DEAD_LETTERS));
    }
}
