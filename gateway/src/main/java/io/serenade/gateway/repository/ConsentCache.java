package io.serenade.gateway.repository;

import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each user's granted purposes in Redis, shared by every gateway instance: the hash {@code <prefix>consent:<user>}
 * with {@code purposes} (comma-separated names), {@code changedAt} (the consent change it reflects, epoch
 * microseconds: consent-service's precision) and {@code appliedAt} (when the gateway wrote it, epoch ms).
 * <p>
 * Writers race: the consent topic, the REST read that fills a miss, and the answer to the user's own PUT.
 * A write lands only if it reflects a newer change than the one held, compared and written atomically in one
 * Lua script, so a slow REST read that started before a withdrawal can never put the grant back.
 */
@ApplicationScoped
public class ConsentCache {

    /** KEYS[1]: the hash. ARGV: purposes, changedAt (µs), appliedAt (ms), ttl (ms). 1 when written, 0 when not newer. */
    static final String PUT_IF_NEWER = """
            local held = redis.call('HGET', KEYS[1], 'changedAt')
            if held and tonumber(held) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'purposes', ARGV[1], 'changedAt', ARGV[2], 'appliedAt', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1""";

    /** One change for one user; {@code granted} null is a tombstone (the user was erased): the entry goes. */
    public record Change(String userId, GrantedPurposes granted, Instant changedAt) {
    }

    private final Redis redis;
    private final String prefix;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    public ConsentCache(Redis redis, GatewayConfig config) {
        this(redis, config.redisPrefix(), config.consentCache().ttl(), Clock.systemUTC());
    }

    public ConsentCache(Redis redis, String prefix, Duration ttl, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String key(String userId) {
        return prefix + "consent:" + userId;
    }

    /** The cached purposes, or a null item when the cache holds nothing for the user. */
    public Uni<GrantedPurposes> find(String userId) {
        return redis.send(Request.cmd(Command.HGET).arg(key(userId)).arg("purposes"))
                .map(reply -> reply == null ? null : GrantedPurposes.parse(reply.toString()));
    }

    /** Writes the state if it reflects a newer change than the one held; true when written. */
    public Uni<Boolean> putIfNewer(String userId, GrantedPurposes granted, Instant changedAt) {
        return redis.send(putRequest(userId, granted, changedAt)).map(reply -> reply != null && reply.toLong() == 1);
    }

    /** Applies changes in order, in one round trip (a pipeline keeps their order per user). */
    public Uni<Void> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> requests = new ArrayList<>(changes.size());
        for (Change c : changes) {
            requests.add(c.granted() == null ? Request.cmd(Command.DEL).arg(key(c.userId()))
                    : putRequest(c.userId(), c.granted(), c.changedAt()));
        }
        return redis.batch(requests).replaceWithVoid();
    }

    /** Deletes the user's entry; the names of the keys that existed (for an erasure receipt). */
    public Uni<List<String>> delete(String userId) {
        String key = key(userId);
        return redis.send(Request.cmd(Command.DEL).arg(key))
                .map(Response::toLong)
                .map(n -> n > 0 ? List.of(key) : List.of());
    }

    private Request putRequest(String userId, GrantedPurposes granted, Instant changedAt) {
        return Request.cmd(Command.EVAL).arg(PUT_IF_NEWER).arg(1).arg(key(userId))
                .arg(granted.header())
                .arg(micros(changedAt))
                .arg(clock.millis())
                .arg(Math.max(1, ttl.toMillis()));
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
