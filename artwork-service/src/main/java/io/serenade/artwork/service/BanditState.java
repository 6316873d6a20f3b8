package io.serenade.artwork.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.SettledImpression;
import io.serenade.artwork.policy.BanditModel;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinearModel;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.repository.BanditRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The learned state every choice reads, and how it learns. PostgreSQL holds the truth as sums (per variant:
 * settled impressions and reward; for the contextual model: Σφφᵀ and Σ(r − μ)φ); every replica adds to them and
 * reloads them, so replicas agree within one reload interval and a restart loses nothing. Rewards are joined by
 * the replica that owns the viewer's Kafka partition; settlement claims each impression exactly once.
 */
@ApplicationScoped
public class BanditState {

    /**
     * An immutable view of the learned state, swapped in whole: each variant's counts, read against a prior
     * centred on the play rate of all variants together, and the contextual model.
     */
    public record Snapshot(long version, Map<String, BetaStats> stats, BetaStats prior, LinearModel linear) implements BanditModel {

        static Snapshot of(long version, Map<String, BetaStats> counts, double priorStrength, LinearModel linear) {
            double trials = 0;
            double reward = 0;
            for (BetaStats s : counts.values()) {
                trials += s.trials();
                reward += s.reward();
            }
            BetaStats prior = BetaStats.centredPrior(trials, reward, priorStrength);
            Map<String, BetaStats> stats = new HashMap<>(counts.size() * 2);
            counts.forEach((armId, s) -> stats.put(armId, s.withPrior(prior)));
            return new Snapshot(version, Map.copyOf(stats), prior, linear);
        }

        @Override
        public BetaStats stats(String armId) {
            return stats.getOrDefault(armId, prior);
        }
    }

    private static final int SETTLE_BATCH = 2000;
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final BanditRepository repository;
    private final FeatureSpace features;
    private final ArtworkConfig config;
    private final Counter settledCounter;
    private volatile Snapshot current;

    public BanditState(BanditRepository repository, FeatureSpace features, ArtworkConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.features = features;
        this.config = config;
        this.current = Snapshot.of(-1, Map.of(), config.bandit().priorStrength(),
                new LinearModel(features.modelDim(), config.bandit().ridge()));
        this.settledCounter = Counter.builder("serenade.artwork.impressions.settled")
                .description("Impressions whose final reward was added to the learned state").register(registry);
    }

    public Snapshot current() {
        return current;
    }

    /**
     * Reloads the sums when another settlement (here or on another replica) has changed them. On a worker thread:
     * inverting the contextual model takes milliseconds that choices on the event loop must not wait behind.
     */
    @Scheduled(every = "${serenade.artwork.bandit.model-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reload(false).await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            Log.warnf("bandit state reload failed, keeping the last one: %s", e.toString());
        }
    }

    /** Rebuilds the state from PostgreSQL; {@code always} ignores the version (start, tests). */
    public Uni<Void> reload(boolean always) {
        return repository.version().flatMap(version -> {
            if (!always && version == current.version()) {
                return Uni.createFrom().voidItem();
            }
            return repository.variantStats().flatMap(stats -> loadLinear().invoke(linear -> {
                current = Snapshot.of(version, stats, config.bandit().priorStrength(), linear);
                Log.debugf("bandit state %d loaded: %d variants, %d contextual observations", (Object) version, stats.size(),
                        linear.observations());
            })).replaceWithVoid();
        });
    }

    /** Reads the stored sums and inverts them, on a worker thread: thousands of rows and an O(d³) inversion. */
    private Uni<LinearModel> loadLinear() {
        int dim = features.modelDim();
        return repository.linearSums(features.layout()).emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
            double[] gram = new double[dim * dim];
            double[] b = new double[dim];
            long observations = 0;
            for (Row row : rows) {
                int i = row.getInteger(0), j = row.getInteger(1);
                double value = row.getDouble(2);
                if (i == -1) {
                    observations = (long) value;
                } else if (j == -1) {
                    b[i] = value;
                } else {
                    gram[i * dim + j] = value;
                }
            }
            return LinearModel.fromSums(dim, config.bandit().ridge(), gram, b, observations);
        });
    }

    /**
     * Adds impressions whose reward is final to the sums, exactly once: claiming them and adding them commit
     * together. A play settles at once (nothing can raise its reward); anything else when its window closes.
     * A backlog (a window closing on a busy hour) is worked off in batches, at most {@value #MAX_BATCHES_PER_RUN}
     * per run so one replica's run stays short.
     */
    @Scheduled(every = "${serenade.artwork.reward.settle-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleScheduled() {
        Instant now = Instant.now();
        try {
            for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
                if (settle(now).await().atMost(Duration.ofSeconds(30)) < SETTLE_BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("settling impressions failed, retrying next time: %s", e.toString());
        }
    }

    /** Settles up to one batch of what is final at {@code now}; returns how many impressions were settled. */
    public Uni<Integer> settle(Instant now) {
        ArtworkConfig.Reward reward = config.reward();
        double finalReward = Math.max(reward.playWeight(), reward.clickWeight());
        Instant windowClosedBefore = now.minus(reward.window());
        Snapshot baseline = current;
        return repository.pool().withTransaction(tx -> repository.claimSettleable(tx, finalReward, windowClosedBefore, SETTLE_BATCH)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(settled -> {
                    if (settled.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Map<String, BetaStats> variantDeltas = new HashMap<>();
                    Map<String, String> titleOf = new HashMap<>();
                    LinearSums sums = new LinearSums(features.modelDim());
                    for (SettledImpression s : settled) {
                        variantDeltas.merge(s.artworkId(), new BetaStats(1, s.reward()), (a, b) -> a.plus(b.trials(), b.reward()));
                        titleOf.put(s.artworkId(), s.titleId());
                        if (s.layout().equals(features.layout())) {
                            sums.add(phi(s), s.reward() - baseline.stats(s.artworkId()).mean());
                        }
                    }
                    Uni<Void> linear = sums.observations == 0 ? Uni.createFrom().voidItem()
                            : repository.addLinearSums(tx, features.layout(), sums.gram, sums.b, sums.observations);
                    return repository.addVariantStats(tx, titleOf, variantDeltas)
                            .flatMap(v -> linear)
                            .flatMap(v -> repository.bumpVersion(tx))
                            .map(v -> settled.size());
                }))
                .invoke(n -> settledCounter.increment(n));
    }

    /** One settlement's additions to the contextual model's sums, dense: a batch touches the same cells many times. */
    private static final class LinearSums {
        final int dim;
        final double[] gram;
        final double[] b;
        long observations;

        LinearSums(int dim) {
            this.dim = dim;
            this.gram = new double[dim * dim];
            this.b = new double[dim];
        }

        void add(SparseVector phi, double residual) {
            int[] idx = phi.indices();
            double[] val = phi.values();
            if (idx.length == 0) {
                return;
            }
            for (int a = 0; a < idx.length; a++) {
                for (int c = 0; c < idx.length; c++) {
                    gram[idx[a] * dim + idx[c]] += val[a] * val[c];
                }
                b[idx[a]] += residual * val[a];
            }
            observations++;
        }
    }

    /** φ = x ⊗ z of the impression, as it was shown. */
    private SparseVector phi(SettledImpression s) {
        double[] ones = new double[s.armFeatures().length];
        Arrays.fill(ones, 1);
        return SparseVector.outer(s.context(), new SparseVector(s.armFeatures(), ones), features.armDim());
    }
}
