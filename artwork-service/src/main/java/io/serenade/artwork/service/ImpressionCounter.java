package io.serenade.artwork.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.api.ChoiceResponse.TitleChoice;
import io.serenade.artwork.config.ArtworkConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts impressions per variant in Redis ({@code HINCRBY <prefix>impressions <artworkId> n}): aggregate and
 * non-personal, no user id is written. Choices only add to in-memory totals; a scheduled flush sends them as one
 * pipelined batch. One batch per choice request exhausted the Redis connection pool at about 800 requests a
 * second, dropping counts, whereas the flush costs one round trip per interval, whatever the traffic.
 * Counting never delays or fails a choice: a Redis outage defers counts (they are re-added and sent later).
 */
@ApplicationScoped
public class ImpressionCounter {

    private final Redis redis;
    private final String key;
    private final Counter failedFlushes;
    /** Impressions not yet in Redis, per artwork id; bounded by the number of variants, not by traffic. */
    private final ConcurrentHashMap<String, LongAdder> pending = new ConcurrentHashMap<>();
    /** Whether the last flush failed, so an outage logs once when it starts and once when it ends. */
    private volatile boolean failing;

    public ImpressionCounter(Redis redis, ArtworkConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.key = config.redisKeyPrefix() + "impressions";
        this.failedFlushes = Counter.builder("serenade.artwork.impressions.flush.failures")
                .description("Flushes of impression counts to Redis that failed (the counts are retried)").register(registry);
    }

    /** Adds the choices to the pending totals; cheap enough for the hot path. */
    public void record(List<TitleChoice> choices) {
        for (TitleChoice c : choices) {
            pending.computeIfAbsent(c.artworkId(), a -> new LongAdder()).increment();
        }
    }

    @Scheduled(every = "${serenade.artwork.impression-flush}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        Map<String, Long> taken = new HashMap<>();
        pending.forEach((artworkId, adder) -> {
            // sum-then-subtract rather than sumThenReset, which may lose increments made while it runs.
            long n = adder.sum();
            if (n > 0) {
                adder.add(-n);
                taken.put(artworkId, n);
            }
        });
        if (taken.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> batch = new ArrayList<>(taken.size());
        taken.forEach((artworkId, n) -> batch.add(Request.cmd(Command.HINCRBY).arg(key).arg(artworkId).arg(n)));
        return redis.batch(batch)
                .invoke(done -> {
                    if (failing) {
                        failing = false;
                        Log.info("impression counts reach Redis again");
                    }
                })
                .onFailure().invoke(failure -> {
                    failedFlushes.increment();
                    // Counted again next time. If Redis applied part of the batch before failing, that part is
                    // counted twice: acceptable for aggregate statistics, unlike losing a whole outage's counts.
                    taken.forEach((artworkId, n) -> pending.computeIfAbsent(artworkId, a -> new LongAdder()).add(n));
                    if (!failing) {
                        failing = true;
                        Log.warnf("impression counts not written to Redis, retrying every flush: %s", failure.toString());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** A rolling deploy would otherwise drop each stopping replica's last interval of counts. */
    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush().ifNoItem().after(Duration.ofSeconds(2)).recoverWithItem((Void) null).await().indefinitely();
    }
}
