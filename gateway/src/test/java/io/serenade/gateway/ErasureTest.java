package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.events.serde.ErasureReceiptDeserializer;
import io.serenade.gateway.repository.ConsentCache;
import io.serenade.gateway.service.RateLimiter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's part of an erasure, through the real broker and Redis: the user's consent entry (leaving a
 * short-lived marker that grants nothing) and rate-limit counters go, nothing of anyone else's, and a receipt counts and digests exactly what went. A repeated request
 * answers again with what was left (nothing).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class ErasureTest {

    @Inject
    Redis redis;

    @Inject
    ConsentCache cache;

    @Inject
    RateLimiter limiter;

    @Test
    void theUsersKeysGoAndTheReceiptSaysWhichAndHowMany() {
        String user = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String u : new String[]{user, other}) {
            cache.putIfNewer(u, SignedPurposes.of(Purposes.PERSONALIZATION), Instant.now()).await().indefinitely();
            limiter.check(u).await().indefinitely();
        }
        List<String> held = existing(user);
        assertThat(held).hasSize(2).contains(cache.key(user));
        assertThat(keysNaming(user)).as("no key names the user: keys hold a pseudonym").isEmpty();

        Instant before = Instant.now();
        UUID erasureId = UUID.randomUUID();
        ErasureReceipt receipt = erase(user, erasureId);
        assertThat(receipt.service()).isEqualTo(Services.GATEWAY);
        assertThat(receipt.userId()).isEqualTo(user);
        assertThat(receipt.deletedPerStore()).isEqualTo(Map.of("redis:keys", 2L));
        assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(erasureId, held));
        assertThat(receipt.completedAt()).isNotNull();

        // What is left is the consent marker: it grants nothing, refuses the refill of a read made before the
        // erasure, and goes within minutes.
        assertThat(existing(user)).containsExactly(cache.key(user));
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(redis.send(Request.cmd(Command.PTTL).arg(cache.key(user))).await().indefinitely().toLong())
                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(cache.putIfNewer(user, SignedPurposes.of(Purposes.PERSONALIZATION), before).await().indefinitely())
                .as("a consent read made before the erasure").isFalse();
        assertThat(cache.find(user).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(existing(other)).as("nobody else's keys").hasSize(2);

        ErasureReceipt again = erase(user, erasureId);
        assertThat(again.deletedPerStore()).isEqualTo(Map.of("redis:keys", 0L));
        assertThat(again.digest()).isEqualTo(ErasureDigest.of(erasureId, List.of()));
    }

    private static ErasureReceipt erase(String user, UUID erasureId) {
        try (TopicProbe<ErasureReceipt> receipts = new TopicProbe<>(TestTopics.ERASURE_RECEIPTS, new ErasureReceiptDeserializer())) {
            TopicProbe.send(TestTopics.ERASURE_REQUESTS, user, new ErasureRequested(ErasureRequested.VERSION, erasureId, user, Instant.now()));
            List<ConsumerRecord<String, ErasureReceipt>> seen = receipts.until(r -> r.value() != null
                    && erasureId.equals(r.value().erasureId()));
            ConsumerRecord<String, ErasureReceipt> last = seen.get(seen.size() - 1);
            assertThat(last.key()).isEqualTo(user);
            return last.value();
        }
    }

    /** The user's consent entry and rate-limit counters that exist now. */
    private List<String> existing(String user) {
        List<String> keys = new ArrayList<>();
        keys.add(cache.key(user));
        keys.addAll(limiter.keysOf(user));
        List<String> found = new ArrayList<>();
        for (String k : keys) {
            if (redis.send(Request.cmd(Command.EXISTS).arg(k)).await().indefinitely().toLong() > 0) {
                found.add(k);
            }
        }
        return found;
    }

    /** Every key in Redis whose name contains the user id: what a proof of erasure scans for. */
    private List<String> keysNaming(String user) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg("*" + user + "*")
                    .arg("COUNT").arg(1000)).await().indefinitely();
            cursor = page.get(0).toString();
            page.get(1).forEach(k -> keys.add(k.toString()));
        } while (!cursor.equals("0"));
        return keys;
    }
}
