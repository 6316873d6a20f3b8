package io.serenade.profile;

import io.serenade.kit.testing.TestBroker;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** profile-service's own test topics on the real broker (see TestBroker). */
public class TestTopics extends TestBroker {

    public static final String INTERACTIONS = "test-profile-interactions";
    public static final String FORGOTTEN = "test-profile-interactions-forgotten";
    public static final String CONSENT_CHANGES = "test-profile-consent-changes";
    public static final String ERASURE_REQUESTS = "test-profile-erasure-requests";
    public static final String ERASURE_RECEIPTS = "test-profile-erasure-receipts";
    public static final String DATA_USE = "test-profile-data-use";
    public static final String DEAD_LETTERS = "test-profile-dead-letters";

    @Override
    protected List<NewTopic> topics() {
        return List.of(topic(INTERACTIONS), topic(FORGOTTEN), compacted(CONSENT_CHANGES), topic(ERASURE_REQUESTS),
                topic(ERASURE_RECEIPTS), topic(DATA_USE), topic(DEAD_LETTERS));
    }
}
