package io.serenade.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.serenade.gateway.config.GatewayConfig;
import io.serenade.gateway.repository.ConsentCache;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-user request budget in fixed windows, counted in Redis so all gateway instances share one count.
 * One pipelined round trip per request. If Redis is unreachable the request passes: a rate limit protects
 * capacity, and refusing everyone while Redis restarts would be the outage it exists to prevent.
 * <p>
 * A counter's key holds a hash of the user id, not the id: the keys of a user are then computed, not searched
 * for, when the user is erased (a SCAN over the whole keyspace per erasure would grow with every user), and the
 * keyspace never lists who is using the service. The hash is the user's keyed pseudonym (Pseudonyms): without the key,
 * a key name cannot be traced back to a user, not even by hashing candidate ids.
 */
@ApplicationScoped
public class RateLimiter {

    /** Allowed, or refused until {@code retryAfterSeconds} from now. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** A counter lives two windows: the current one and the one before may exist at any time. */
    static final int WINDOWS_KEPT = 2;

    private final Redis redis;
    private final GatewayConfig.RateLimit config;
    private final String prefix;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    private final Duration timeout;
    private final Counter unchecked;

    public RateLimiter(Redis redis, GatewayConfig config, Clock clock, Pseudonyms pseudonyms, MeterRegistry registry) {
        this.redis = redis;
        this.timeout = config.redisTimeout();
        this.unchecked = Counter.builder("serenade.gateway.rate_limit.unchecked")
                .description("Requests let through without a rate-limit check because Redis failed or did not answer in time")
                .register(registry);
        this.pseudonyms = pseudonyms;
        this.config = config.rateLimit();
        this.prefix = config.redisPrefix();
        this.clock = clock;
    }

    public Uni<Decision> check(String userId) {
        if (!config.enabled()) {
            return Uni.createFrom().item(new Decision(true, 0));
        }
        long windowSeconds = windowSeconds();
        long nowSeconds = clock.millis() / 1000;
        long window = nowSeconds / windowSeconds;
        String key = key(userId, window);
        return redis.batch(List.of(
                        Request.cmd(Command.INCR).arg(key),
                        Request.cmd(Command.EXPIRE).arg(key).arg(windowSeconds * WINDOWS_KEPT)))
                .ifNoItem().after(timeout).fail()
                .map(replies -> {
                    long count = replies.get(0).toLong();
                    long retryAfter = (window + 1) * windowSeconds - nowSeconds;
                    return new Decision(count <= config.requestsPerWindow(), Math.max(1, retryAfter));
                })
                .onFailure().recoverWithItem(e -> {
                    // Fails open: a Redis outage must not refuse every member; counted, and the alert on Redis fires.
                    unchecked.increment();
                    Log.debugf("rate limit not checked, Redis failed: %s", e.getClass().getName());
                    return new Decision(true, 0);
                });
    }

    /**
     * Every key that may hold a counter of the user now: the windows a counter outlives, the current one and
     * the next (a gateway whose clock runs ahead may have opened it).
     */
    public List<String> keysOf(String userId) {
        long window = clock.millis() / 1000 / windowSeconds();
        List<String> keys = new ArrayList<>();
        // Under every name the user may have: during a key rotation or just after keyed pseudonyms came, counters
        // under the former names still live.
        List<String> names = new ArrayList<>();
        names.add(pseudonyms.of(userId));
        names.addAll(ConsentCache.formerNames(pseudonyms, userId));
        for (String pseudonym : names) {
            for (long w = window - WINDOWS_KEPT; w <= window + 1; w++) {
                keys.add(prefix + "rl:" + pseudonym + ":" + w);
            }
        }
        return keys;
    }

    private long windowSeconds() {
        return Math.max(1, config.window().toSeconds());
    }

    private String key(String userId, long window) {
        return prefix + "rl:" + pseudonyms.of(userId) + ":" + window;
    }
}
