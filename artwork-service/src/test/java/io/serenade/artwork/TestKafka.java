package io.serenade.artwork;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.serenade.kit.testing.ConsentViewContract.consent;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.awaitility.Awaitility.await;

/** Consent and partitions as the tests need them, on the real broker. */
final class TestKafka {

    private TestKafka() {
    }

    /** Grants the purposes to the user in artwork's consent view, through the topic, and waits until applied. */
    static void grant(String user, String... purposes) {
        TestTopics.send(TestTopics.CONSENT_CHANGES, user, consent(user, Instant.now(), purposes));
        await().atMost(Duration.ofSeconds(30)).until(() -> asOperator().get("/internal/consent-view/{u}", user).statusCode() == 200);
    }

    /**
     * A fresh user id whose events land on the same interactions partition as {@code user}'s (the producer's
     * partitioner hashes the key): the service applies the two users' events in the order they were sent, so a
     * credited event of the second shows that an earlier event of the first has been applied too.
     */
    static String onTheSamePartitionAs(String user, int partitions) {
        int target = partition(user, partitions);
        for (int i = 0; ; i++) {
            String candidate = user + "-p" + i;
            if (partition(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
