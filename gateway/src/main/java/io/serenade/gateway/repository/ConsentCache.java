package io.serenade.gateway.repository;

import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.config.GatewayConfig;
import io.serenade.kit.identity.Pseudonyms;
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
import java.util.Optional;

/**
 * Each user's granted purposes in Redis, shared by every gateway instance: the hash {@code <prefix>consent:<pseudonym of the user>}
 * with {@code purposes} (comma-separated names), {@code changedAt} (the consent change it reflects, epoch
 * microseconds: consent-service's precision) and {@code appliedAt} (when the gateway wrote it, epoch ms).
 * <p>
 * Writers race: the consent topic, the REST read that fills a miss, and the answer to the user's own PUT.
 * A write lands only if it reflects a newer change than the one held, compared and written atomically in one
 * Lua script, so a slow REST read that started before a withdrawal can never put the grant back.
 * <p>
 * An erasure or a tombstone does not delete the hash: a deleted hash has no changedAt, so a REST read of the
 * ledger made before the erasure, landing after it, would write the old grants back for a whole TTL. It becomes
 * a marker instead (no purposes, {@code erased} set, changedAt = when it was erased) that lives only a few
 * minutes: long enough to outlast any read in flight, and it holds nothing but the fact of the erasure.
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
            redis.call('HDEL', KEYS[1], 'erased')
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1""";

    /**
     * KEYS[1]: the hash. ARGV: erasedAt (µs), appliedAt (ms), marker ttl (ms). Turns the entry into an erasure
     * marker; changedAt never goes back (a held change newer than the erasure clock still bounds what may land).
     * 1 when it held a user's state (a marker already there is not counted again), 0 otherwise. The times stay
     * strings: Lua would print a µs number in exponent form.
     */
    /**
     * KEYS[1]: the hash. ARGV: erasedAt (µs), appliedAt (ms), ttl (ms), who marks it ({@code tombstone} or
     * {@code request}). The tombstone usually comes first and notes in {@code had} whether the entry held state, so
     * that the erasure request, coming after it, still counts that entry on its receipt (once: it clears the note).
     */
    static final String MARK_ERASED = """
            local held = redis.call('HMGET', KEYS[1], 'purposes', 'changedAt', 'erased', 'had')
            local live = held[1] and not held[3]
            local at = ARGV[1]
            if held[2] and tonumber(held[2]) > tonumber(at) then
              at = held[2]
            end
            redis.call('HSET', KEYS[1], 'purposes', '', 'changedAt', at, 'appliedAt', ARGV[2], 'erased', '1')
            if ARGV[4] == 'tombstone' then
              if live then
                redis.call('HSET', KEYS[1], 'had', '1')
              end
            else
              redis.call('HDEL', KEYS[1], 'had')
              live = live or held[4] == '1'
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if live then
              return 1
            end
            return 0""";

    /** One change for one user; {@code granted} null is a tombstone (the user was erased): the entry becomes a marker. */
    public record Change(String userId, GrantedPurposes granted, Instant changedAt) {
    }

    private final Redis redis;
    private final String prefix;
    private final Duration ttl;
    private final Duration erasedTtl;
    private final Clock clock;
    private final Pseudonyms pseudonyms;
    /** A request's lookup and its own change's write wait this long; then the lookup asks consent-service. */
    private final Duration timeout;

    @Inject
    public ConsentCache(Redis redis, GatewayConfig config, Pseudonyms pseudonyms) {
        this(redis, config.redisPrefix(), config.consentCache().ttl(), config.consentCache().erasedTtl(), Clock.systemUTC(),
                pseudonyms, config.redisTimeout());
    }

    public ConsentCache(Redis redis, String prefix, Duration ttl, Duration erasedTtl, Clock clock, Pseudonyms pseudonyms,
                        Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
        this.pseudonyms = pseudonyms;
        this.prefix = prefix;
        this.ttl = ttl;
        this.erasedTtl = erasedTtl;
        this.clock = clock;
    }

    public String key(String userId) {
        return prefix + "consent:" + pseudonyms.of(userId);
    }

    /** The user's entries under any other name they may still have: see {@link #formerNames}. */
    public List<String> formerKeys(String userId) {
        return formerNames(pseudonyms, userId).stream().map(p -> prefix + "consent:" + p).toList();
    }

    /**
     * A user's names other than the current pseudonym: the previous key's while a rotation lasts, and the gateway's
     * names from before pseudonyms were keyed (SHA-256 cut to 128 bits) while those are accepted.
     */
    public static List<String> formerNames(Pseudonyms pseudonyms, String userId) {
        List<String> all = pseudonyms.all(userId);
        Optional<String> plain = pseudonyms.unkeyed(userId);
        List<String> names = new ArrayList<>(all.size() - 1);
        for (String name : all.subList(1, all.size())) {
            // The gateway never wrote the full unkeyed hash, only its first 128 bits.
            names.add(plain.filter(name::equals).map(p -> p.substring(0, 32)).orElse(name));
        }
        return names;
    }

    /** The cached purposes, or a null item when the cache holds nothing for the user. */
    public Uni<GrantedPurposes> find(String userId) {
        return redis.send(Request.cmd(Command.HGET).arg(key(userId)).arg("purposes")).ifNoItem().after(timeout).fail()
                .map(reply -> reply == null ? null : GrantedPurposes.parse(reply.toString()));
    }

    /** Writes the state if it reflects a newer change than the one held; true when written. */
    public Uni<Boolean> putIfNewer(String userId, GrantedPurposes granted, Instant changedAt) {
        return redis.send(putRequest(userId, granted, changedAt)).ifNoItem().after(timeout).fail()
                .map(reply -> reply != null && reply.toLong() == 1);
    }

    /** Applies changes in order, in one round trip (a pipeline keeps their order per user). */
    public Uni<Void> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> requests = new ArrayList<>(changes.size());
        for (Change c : changes) {
            // A tombstone carries no time: now is later than any ledger read that could still be in flight.
            requests.add(c.granted() == null ? markErased(c.userId(), "tombstone")
                    : putRequest(c.userId(), c.granted(), c.changedAt()));
        }
        return redis.batch(requests).replaceWithVoid();
    }

    /** Erases the user's entry (leaves a short-lived marker); the names of the keys that held state (for a receipt). */
    public Uni<List<String>> erase(String userId) {
        String key = key(userId);
        return redis.send(eraseRequest(userId))
                .map(Response::toLong)
                .map(n -> n > 0 ? List.of(key) : List.of());
    }

    /**
     * The erasure request's part as one request, for a caller that pipelines it with other deletes; its reply is 1
     * when the entry held state, now or when the erasure's tombstone marked it.
     */
    public Request eraseRequest(String userId) {
        return markErased(userId, "request");
    }

    private Request markErased(String userId, String by) {
        return Request.cmd(Command.EVAL).arg(MARK_ERASED).arg(1).arg(key(userId))
                .arg(micros(clock.instant()))
                .arg(clock.millis())
                .arg(Math.max(1, erasedTtl.toMillis()))
                .arg(by);
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
