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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The propensity log's writer, with group commit: a personalized choice is answered only once its rows are committed
 * ({@link #write} completes true), so no choice a viewer was shown is missing from the log, and a crash loses only
 * choices nobody was shown. One writer thread takes whatever choices are waiting, up to {@value #BATCH} rows, and
 * writes them in one transaction (logged and learned together); choices arriving meanwhile form the next group, so
 * the cost per row falls as load rises. Bounded: past {@value #MAX_WAITING} rows waiting, or when a write fails, the
 * answer is false and the caller serves the global image with no impression id (nothing personal shown, nothing to
 * log), counted in {@value #NOT_LOGGED}: back-pressure, never an unlogged personalized choice.
 */
@ApplicationScoped
public class ImpressionLog {

    static final String NOT_LOGGED = "serenade.artwork.impressions.not_logged";
    /** About a second of a busy replica's impressions. */
    static final int MAX_WAITING = 50_000;
    static final int BATCH = 10_000;
    /** A write that takes longer is given up (the group's choices become global images); a choice must not hang. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    /** One choice's rows and its answer. */
    private record Waiting(List<LoggedImpression> rows, CompletableFuture<Boolean> written) {
    }

    private final BanditRepository repository;
    private final BanditState bandit;
    private final ArtworkConfig config;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingRows = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "propensity-log-writer");
        t.setDaemon(true);
        return t;
    });
    private final Counter notLogged;

    public ImpressionLog(BanditRepository repository, BanditState bandit, ArtworkConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.bandit = bandit;
        this.config = config;
        this.notLogged = Counter.builder(NOT_LOGGED)
                .description("Personalized choices not logged (log full or its write failed): served as the global image instead")
                .register(registry);
    }

    /** Completes true once the rows are committed; false when they were not and will not be (serve no personal choice). */
    public Uni<Boolean> write(List<LoggedImpression> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        if (waitingRows.addAndGet(rows.size()) > MAX_WAITING) {
            waitingRows.addAndGet(-rows.size());
            notLogged.increment(rows.size());
            return Uni.createFrom().item(false);
        }
        Waiting waiting = new Waiting(rows, new CompletableFuture<>());
        queue.add(waiting);
        startWriter();
        return Uni.createFrom().completionStage(waiting.written());
    }

    private void startWriter() {
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RuntimeException shutDown) {
                writing.set(false);
                failWaiting();
            }
        }
    }

    /** Writes groups until nothing waits. On the writer thread only. */
    private void drain() {
        try {
            List<Waiting> group;
            while (!(group = nextGroup()).isEmpty()) {
                List<LoggedImpression> rows = new ArrayList<>();
                group.forEach(w -> rows.addAll(w.rows()));
                boolean ok = write(rows, group.size());
                if (!ok) {
                    notLogged.increment(rows.size());
                }
                group.forEach(w -> w.written().complete(ok));
            }
        } finally {
            writing.set(false);
        }
        if (!queue.isEmpty()) { // arrived after the last poll but before the flag was cleared
            startWriter();
        }
    }

    private List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>();
        int rows = 0;
        Waiting next;
        while (rows < BATCH && (next = queue.poll()) != null) {
            group.add(next);
            rows += next.rows().size();
        }
        waitingRows.addAndGet(-rows);
        return group;
    }

    private boolean write(List<LoggedImpression> rows, int choices) {
        try {
            // Logged and learned in one transaction: an impression is a trial exactly once.
            repository.pool().withTransaction(tx -> repository.insert(tx, rows).flatMap(inserted -> bandit.learnShown(tx, inserted)))
                    .await().atMost(WRITE_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            Log.warnf("propensity log write failed: %d choices (%d rows) served as global images: %s", choices, rows.size(),
                    e.getClass().getName());
            return false;
        }
    }

    private void failWaiting() {
        Waiting w;
        while ((w = queue.poll()) != null) {
            waitingRows.addAndGet(-w.rows().size());
            notLogged.increment(w.rows().size());
            w.written().complete(false);
        }
    }

    /**
     * Takes the viewer's waiting choices out before they are written (erasure): they are answered false (served as
     * global images); returns their impression ids. Only this replica's: a choice of another replica that commits
     * after the erasure's delete is deleted by the erasure's second sweep.
     */
    public List<UUID> dropQueued(String userId) {
        List<UUID> dropped = new ArrayList<>();
        for (Waiting w : queue) {
            // remove() is true only for the caller that took it: the writer polling it at the same time wins or loses whole.
            if (!w.rows().isEmpty() && w.rows().get(0).userId().equals(userId) && queue.remove(w)) {
                waitingRows.addAndGet(-w.rows().size());
                w.rows().forEach(r -> dropped.add(r.impressionId()));
                w.written().complete(false);
            }
        }
        return dropped;
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

    /** Lets the groups being written finish: their choices may already be on their way to viewers. */
    void drainOnShutdown(@Observes ShutdownEvent event) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(WRITE_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS)) {
                Log.warn("propensity log: writer still busy at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }
}
