package io.serenade.gateway.service;

import io.quarkus.logging.Log;
import io.serenade.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Per-user request budget in fixed windows, counted in Redis so all gateway instances share one count.
 * One pipelined round trip per request. If Redis is unreachable the request passes: a rate limit protects
 * capacity, and refusing everyone while Redis restarts would be the outage it exists to prevent.
 */
@ApplicationScoped
public class RateLimiter {

    /** Allowed, or refused until {@code retryAfterSeconds} from now. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Redis redis;
    private final GatewayConfig.RateLimit config;
    private final Clock clock;

    public RateLimiter(Redis redis, GatewayConfig config) {
        this.redis = redis;
        this.config = config.rateLimit();
        this.clock = Clock.systemUTC();
    }

    public Uni<Decision> check(String userId) {
        if (!config.enabled()) {
            return Uni.createFrom().item(new Decision(true, 0));
        }
        long windowSeconds = Math.max(1, config.window().toSeconds());
        long nowSeconds = clock.millis() / 1000;
        long window = nowSeconds / windowSeconds;
        String key = config.redisPrefix() + "rl:" + userId + ":" + window;
        return redis.batch(List.of(
                        Request.cmd(Command.INCR).arg(key),
                        Request.cmd(Command.EXPIRE).arg(key).arg(windowSeconds * 2)))
                .map(replies -> {
                    long count = replies.get(0).toLong();
                    long retryAfter = (window + 1) * windowSeconds - nowSeconds;
                    return new Decision(count <= config.requestsPerWindow(), Math.max(1, retryAfter));
                })
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("rate limit not checked, Redis failed: %s", e.getMessage());
                    return new Decision(true, 0);
                });
    }
}
