package io.serenade.gateway.service;

import io.serenade.gateway.repository.ConsentCache;
import io.serenade.kit.erasure.UserErasure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's part of erasing a user: everything it holds about them is in Redis, the consent cache entry
 * and the rate-limit counters. Both are deleted (the consent entry leaves a short-lived marker granting nothing), and
 * the privacy kit's receipt says how many keys went, with a digest over their names. Idempotent: a repeated request
 * deletes what is there (usually nothing) and is answered again.
 */
@ApplicationScoped
public class GatewayErasure implements UserErasure {

    static final String REDIS_KEYS = "redis:keys";

    private final Redis redis;
    private final ConsentCache consentCache;
    private final RateLimiter rateLimiter;

    public GatewayErasure(Redis redis, ConsentCache consentCache, RateLimiter rateLimiter) {
        this.redis = redis;
        this.consentCache = consentCache;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Uni<Erased> erase(String userId) {
        List<String> keys = new ArrayList<>();
        keys.add(consentCache.key(userId));
        keys.addAll(consentCache.formerKeys(userId));
        keys.addAll(rateLimiter.keysOf(userId));
        // One request per key, pipelined: each reply says whether that key held state, so the receipt names exactly
        // those. The consent entry becomes a marker rather than going, so a consent read in flight cannot refill it.
        List<Request> deletes = new ArrayList<>();
        deletes.add(consentCache.eraseRequest(userId));
        keys.subList(1, keys.size()).forEach(k -> deletes.add(Request.cmd(Command.DEL).arg(k)));
        return redis.batch(deletes).map(replies -> {
            List<String> deleted = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (replies.get(i) != null && replies.get(i).toLong() > 0) {
                    deleted.add(keys.get(i));
                }
            }
            return new Erased(Map.of(REDIS_KEYS, (long) deleted.size()), deleted);
        });
    }
}
