package io.serenade.gateway;

import io.serenade.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** The gateway's own test topics on the real broker (see TestBroker). */
public class TestTopics extends TestBroker {

    public static final String INTERACTIONS = "test-gateway-interactions";
    public static final String CONSENT_CHANGES = "test-gateway-consent-changes";
    public static final String DATA_USE = "test-gateway-data-use";
    public static final String ERASURE_REQUESTS = "test-gateway-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-gateway-erasure-receipts";
    public static final String DEAD_LETTERS = "test-gateway-dead-letters";

    /** Every topic the gateway writes in tests: the fuzz test checks none of them grew. */
    public static final List<String> WRITTEN = List.of(INTERACTIONS, DATA_USE, ERASURE_RECEIPTS);

    @Override
    protected List<NewTopic> topics() {
        return List.of(topic(INTERACTIONS), compacted(CONSENT_CHANGES), topic(DATA_USE), topic(ERASURE_REQUESTS),
                topic(ERASURE_RECEIPTS), topic(DEAD_LETTERS));
    }
}
