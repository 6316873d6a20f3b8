package io.serenade.ranking;

import java.time.Duration;
import java.time.Instant;

import static io.serenade.kit.testing.ConsentViewContract.consent;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.awaitility.Awaitility.await;

/** Consent as the tests need it, through the real consent topic. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Grants the purposes to each user in ranking's consent view, through the topic, and waits until applied. */
    public static void grant(Iterable<String> users, String... purposes) {
        Instant now = Instant.now();
        for (String user : users) {
            TestTopics.send(TestTopics.CONSENT_CHANGES, user, consent(user, now, purposes));
        }
        for (String user : users) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    asOperator().get("/internal/consent-view/{u}", user).statusCode() == 200);
        }
    }
}
