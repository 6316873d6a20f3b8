package io.serenade.ranking.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.serenade.ranking.api.TrainingView;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.ModelBuilder;
import io.serenade.ranking.recommend.ServingModel;
import io.serenade.ranking.repository.ModelVersionRepository;
import io.serenade.ranking.repository.TrainingDataRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The served model and its training. Training runs on its own thread (scheduled, or on demand), records a
 * version with its data window and held-out metrics, and swaps the new model in with one reference write;
 * requests read whichever model is current and never wait for a training.
 */
@ApplicationScoped
public class ModelService {

    /** Measured upper bound of what reading one interaction for training keeps on the heap. */
    static final int BYTES_PER_INTERACTION = 200;
    /** Below this many EASE titles a training is not worth its cost: the previous model stays. */
    static final int MIN_TITLES = 100;

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** A model with the catalog snapshot laid out in its index order; rebuilt when either changes. */
    public record Aligned(ServingModel model, CatalogSnapshot snapshot, CatalogTitle[] titles) {
    }

    /** What the running training reports: stage and fraction done. */
    private record Progress(String modelId, Instant startedAt, String stage, double fraction) {
    }

    private final RankingConfig.Training config;
    private final CatalogService catalog;
    private final TrainingDataRepository data;
    private final ModelVersionRepository versions;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);   // requests first: training is never urgent
        return t;
    });
    private final AtomicReference<Progress> running = new AtomicReference<>();
    private volatile ServingModel current;
    private volatile Aligned aligned;
    private volatile String lastError;

    public ModelService(RankingConfig config, CatalogService catalog, TrainingDataRepository data,
                        ModelVersionRepository versions) {
        this.config = config.training();
        this.catalog = catalog;
        this.data = data;
        this.versions = versions;
    }

    void onStart(@Observes StartupEvent start) {
        trainer.execute(() -> {
            try {
                versions.abandonRunning(Instant.now());
            } catch (Exception e) {
                Log.warn("could not mark abandoned trainings", e);
            }
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        trainer.shutdownNow();
    }

    /** The current model aligned with this catalog snapshot, or null before the first training finished. */
    public Aligned aligned(CatalogSnapshot snapshot) {
        ServingModel model = current;
        Aligned a = aligned;
        if (model == null) {
            return null;
        }
        if (a == null || a.model() != model || a.snapshot() != snapshot) {
            a = new Aligned(model, snapshot, model.align(snapshot));
            aligned = a;
        }
        return a;
    }

    @Scheduled(every = "${serenade.ranking.training.every:6h}", delayed = "${serenade.ranking.training.first-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        start().ifPresentOrElse(
                id -> Log.infof("scheduled training %s started", id),
                () -> Log.info("scheduled training skipped: one is running"));
    }

    /** Starts a training unless one is running; returns the new model id, or empty if one is running. */
    public Optional<String> start() {
        Instant now = Instant.now();
        String modelId = "m-" + ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (!running.compareAndSet(null, new Progress(modelId, now, "queued", 0))) {
            return Optional.empty();
        }
        trainer.execute(() -> train(modelId, now));
        return Optional.of(modelId);
    }

    public TrainingView status() {
        Progress p = running.get();
        ServingModel model = current;
        String servingId = model == null ? null : model.modelId();
        Instant servingAt = model == null ? null : model.trainedAt();
        if (p == null) {
            return new TrainingView("idle", null, null, null, null, null, servingId, servingAt, lastError);
        }
        return new TrainingView("running", p.modelId(), p.stage(), Math.round(p.fraction() * 1000) / 10.0, p.startedAt(),
                eta(p), servingId, servingAt, lastError);
    }

    /** Time left, extrapolated from the time spent so far; null until there is something to extrapolate from. */
    private static Long eta(Progress p) {
        if (p.fraction() < 0.01) {
            return null;
        }
        double elapsed = Duration.between(p.startedAt(), Instant.now()).toMillis() / 1000.0;
        return Math.round(elapsed * (1 - p.fraction()) / p.fraction());
    }

    private void train(String modelId, Instant startedAt) {
        Instant windowFrom = startedAt.minus(config.window());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lambda", config.lambda());
        parameters.put("minUsersPerTitle", config.minUsersPerTitle());
        parameters.put("maxTitles", config.maxTitles());
        parameters.put("contentWeight", config.contentWeight());
        parameters.put("contentNeighbours", config.contentNeighbours());
        parameters.put("evaluationUsers", config.evaluationUsers());
        try {
            long total = data.count(windowFrom);
            long heap = Runtime.getRuntime().maxMemory();
            int maxTitles = Math.min(config.maxTitles(), titlesTheHeapHolds(heap, total));
            parameters.put("maxTitlesByHeap", maxTitles);
            versions.started(modelId, "ease+content", startedAt, windowFrom, startedAt, parameters);
            if (maxTitles < MIN_TITLES) {
                throw new IllegalStateException("the heap (" + (heap >> 20) + " MB) cannot hold " + total
                        + " interactions and a useful model; give ranking-service more heap or a shorter training window");
            }
            if (maxTitles < config.maxTitles()) {
                Log.warnf("training %s: the heap (%d MB) holds EASE for at most %d titles next to %d interactions, not %d;"
                        + " the others are left to the content model (give the service more heap to lift this)", modelId,
                        heap >> 20, maxTitles, total, config.maxTitles());
            }
            report(modelId, startedAt, "catalog", 0);
            // Titles added since the last scheduled refresh take part too. The refresh reads through Hibernate
            // Reactive, which needs a Vert.x context: this thread borrows one and waits.
            VertxContextSupport.subscribeAndAwait(catalog::refresh);
            List<CatalogTitle> titles = List.copyOf(catalog.snapshot().popular());
            Map<String, Integer> index = new HashMap<>(titles.size() * 2);
            for (int i = 0; i < titles.size(); i++) {
                index.put(titles.get(i).titleId(), i);
            }
            ModelBuilder.Positives positives = data.positives(windowFrom, index,
                    rows -> report(modelId, startedAt, "read", 0.1 * Math.min(1, rows / (double) Math.max(1, total))));
            ModelBuilder.Params params = new ModelBuilder.Params(config.lambda(), config.minUsersPerTitle(), maxTitles,
                    config.contentWeight(), config.contentNeighbours(), config.evaluationUsers(), modelId.hashCode());
            ModelBuilder.Result result = ModelBuilder.build(modelId, startedAt, titles, positives, params,
                    (stage, f) -> report(modelId, startedAt, stage, 0.1 + 0.9 * f));
            current = result.model();   // the swap: one volatile write; requests in flight keep the old model
            Instant done = Instant.now();
            versions.ready(modelId, result.model().kind(), done, result.users(), result.easeTitles(), result.interactions(),
                    result.metrics());
            lastError = null;
            Log.infof("model %s ready in %d ms: %d users, %d titles in EASE, %d positives, %s", modelId,
                    Duration.between(startedAt, done).toMillis(), result.users(), result.easeTitles(), result.interactions(),
                    result.metrics());
        } catch (Throwable e) {
            lastError = modelId + ": " + e;
            Log.errorf(e, "training %s failed; the previous model stays in use", modelId);
            try {
                versions.ended(modelId, Thread.currentThread().isInterrupted() ? "cancelled" : "failed", Instant.now(), e.toString());
            } catch (Exception recordFailure) {
                Log.warn("could not record the failed training", recordFailure);
            }
        } finally {
            running.set(null);
        }
    }

    /**
     * How many titles an EASE training fits in this heap next to its data: it takes at most half the heap
     * (the served model, the previous one and the requests need the rest); the interactions read cost about
     * {@value #BYTES_PER_INTERACTION} bytes each while training (boxed map entries and per-user lists), and
     * EASE peaks at three n × n double matrices (24 n² bytes). Better fewer titles, or no training, than an
     * OutOfMemoryError that takes the service down.
     */
    static int titlesTheHeapHolds(long maxHeapBytes, long interactions) {
        double left = maxHeapBytes * 0.5 - (double) BYTES_PER_INTERACTION * interactions;
        return left <= 0 ? 0 : (int) Math.sqrt(left / 24);
    }

    /** Updates the progress; logs each tenth so an operator can follow a long training in the log. */
    private void report(String modelId, Instant startedAt, String stage, double fraction) {
        Progress before = running.getAndSet(new Progress(modelId, startedAt, stage, fraction));
        if (before == null || (int) (before.fraction() * 10) != (int) (fraction * 10)) {
            Progress now = running.get();
            Long eta = eta(now);
            Log.infof("training %s: %.0f%% (%s)%s", modelId, fraction * 100, stage, eta == null ? "" : ", about " + eta + " s left");
        }
    }
}
