package io.serenade.artwork.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.LoggedImpression;
import io.serenade.artwork.repository.BanditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The propensity log's writer. A choice only queues its rows; a scheduled flush writes them in batches of one
 * statement each, so the page never waits on PostgreSQL. The queue is bounded: past it, rows are dropped and counted
 * (the choice is still served, only not learned from), never buffered until the heap runs out.
 */
@ApplicationScoped
public class ImpressionLog {

    /** About a second of a busy replica's impressions; more would only age in the old generation, stretching GC pauses. */
    static final int MAX_QUEUED = 50_000;
    static final int BATCH = 10_000;

    private final BanditRepository repository;
    private final BanditState bandit;
    private final ArtworkConfig config;
    private final ConcurrentLinkedQueue<LoggedImpression> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter dropped;

    public ImpressionLog(BanditRepository repository, BanditState bandit, ArtworkConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.bandit = bandit;
        this.config = config;
        this.dropped = Counter.builder("serenade.artwork.impressions.dropped")
                .description("Logged choices dropped because the write queue was full").register(registry);
    }

    public void add(List<LoggedImpression> impressions) {
        for (LoggedImpression i : impressions) {
            if (queued.incrementAndGet() > MAX_QUEUED) {
                queued.decrementAndGet();
                dropped.increment();
            } else {
                queue.add(i);
            }
        }
    }

    /**
     * Takes the viewer's impressions out of the queue before they are written (erasure); returns their ids. Only this
     * replica's queue: what another replica writes after an erasure is deleted by the erasure's second sweep.
     */
    public List<UUID> dropQueued(String userId) {
        List<UUID> dropped = new ArrayList<>();
        for (LoggedImpression i : queue) {
            // remove() is true only for the caller that took it: a flush polling it at the same time wins or loses whole.
            if (i.userId().equals(userId) && queue.remove(i)) {
                queued.decrementAndGet();
                dropped.add(i.impressionId());
            }
        }
        return dropped;
    }

    /**
     * Writes what is queued, in statements of up to {@value #BATCH} rows. On a worker thread, not the event loop:
     * preparing thousands of rows takes milliseconds that choices must not wait behind.
     */
    @Scheduled(every = "${serenade.artwork.propensity-log.flush}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        List<LoggedImpression> batch;
        do {
            batch = new ArrayList<>();
            LoggedImpression next;
            while (batch.size() < BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            queued.addAndGet(-batch.size());
            if (!batch.isEmpty() && !write(batch)) {
                return;
            }
        } while (batch.size() == BATCH);
    }

    private boolean write(List<LoggedImpression> batch) {
        try {
            // Logged and learned in one transaction: an impression is a trial exactly once.
            repository.pool().withTransaction(tx -> repository.insert(tx, batch).flatMap(inserted -> bandit.learnShown(tx, inserted)))
                    .await().atMost(Duration.ofSeconds(30));
            return true;
        } catch (RuntimeException e) {
            // Put back for the next flush; nothing of a failed statement was written.
            queued.addAndGet(batch.size());
            queue.addAll(batch);
            Log.warnf("propensity log write failed, retrying: %s", e.toString());
            return false;
        }
    }

    /** Deletes impressions past their retention; runs hourly on every replica (the delete is idempotent). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeScheduled() {
        return purge(Instant.now()).replaceWithVoid().onFailure().recoverWithNull();
    }

    public Uni<Integer> purge(Instant now) {
        return repository.purgeBefore(now.minus(config.propensityLog().retention()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("propensity log: %d impressions past retention deleted", n);
                    }
                });
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }
}
