package io.serenade.gateway.service;

import io.quarkus.logging.Log;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.gateway.messaging.ErasureReceiptPublisher;
import io.serenade.gateway.repository.ConsentCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's part of erasing a user: everything it holds about them is in Redis, the consent cache entry
 * and the rate-limit counters. Both are deleted (the consent entry leaves a short-lived marker granting nothing), then a receipt says how many keys went, with a digest over
 * their names. Idempotent: a repeated request deletes what is there (usually nothing) and answers again.
 */
@ApplicationScoped
public class GatewayErasure {

    static final String REDIS_KEYS = "redis:keys";

    private final Redis redis;
    private final ConsentCache consentCache;
    private final RateLimiter rateLimiter;
    private final ErasureReceiptPublisher receipts;

    public GatewayErasure(Redis redis, ConsentCache consentCache, RateLimiter rateLimiter, ErasureReceiptPublisher receipts) {
        this.redis = redis;
        this.consentCache = consentCache;
        this.rateLimiter = rateLimiter;
        this.receipts = receipts;
    }

    public Uni<ErasureReceipt> erase(ErasureRequested request) {
        List<String> keys = new ArrayList<>();
        keys.add(consentCache.key(request.userId()));
        keys.addAll(rateLimiter.keysOf(request.userId()));
        // One request per key, pipelined: each reply says whether that key held state, so the receipt names exactly
        // those. The consent entry becomes a marker rather than going, so a consent read in flight cannot refill it.
        List<Request> deletes = new ArrayList<>();
        deletes.add(consentCache.eraseRequest(request.userId()));
        keys.subList(1, keys.size()).forEach(k -> deletes.add(Request.cmd(Command.DEL).arg(k)));
        return redis.batch(deletes)
                .map(replies -> {
                    List<String> deleted = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        if (replies.get(i) != null && replies.get(i).toLong() > 0) {
                            deleted.add(keys.get(i));
                        }
                    }
                    return new ErasureReceipt(ErasureReceipt.VERSION, request.erasureId(), request.userId(),
                            Services.GATEWAY, Map.of(REDIS_KEYS, (long) deleted.size()), Instant.now(),
                            ErasureDigest.of(request.erasureId(), deleted));
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
                .call(receipt -> receipts.publish(receipt)
                        .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5))
                .invoke(receipt -> Log.infof("erasure %s: %d gateway keys deleted", request.erasureId(),
                        receipt.deletedPerStore().get(REDIS_KEYS)));
    }
}
