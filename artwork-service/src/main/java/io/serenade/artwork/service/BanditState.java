package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.LearnedImpression;
import io.serenade.artwork.policy.BanditModel;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinearModel;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.repository.BanditRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned state every choice reads, and how it learns. PostgreSQL holds the truth as sums (per variant:
 * impressions and reward; for the contextual model: Σφφᵀ and Σ(r − μ)φ); every replica adds to them and reloads
 * them, so replicas agree within one reload interval and a restart loses nothing. An impression is added by the
 * transaction that logs it, its reward by the transaction that credits it (on the replica that owns the viewer's
 * Kafka partition): each exactly once.
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

    private final BanditRepository repository;
    private final FeatureSpace features;
    private final ArtworkConfig config;
    private volatile Snapshot current;

    public BanditState(BanditRepository repository, FeatureSpace features, ArtworkConfig config) {
        this.repository = repository;
        this.features = features;
        this.config = config;
        this.current = Snapshot.of(-1, Map.of(), config.bandit().priorStrength(),
                new LinearModel(features.modelDim(), config.bandit().ridge()));
    }

    public Snapshot current() {
        return current;
    }

    /**
     * Reloads the sums when they have changed (here or on another replica). On a worker thread:
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
     * Adds impressions just logged to the sums, on the transaction that logged them, so each is learned exactly
     * once: a trial for the variant, φφᵀ and −μφ for the contextual model (no reward yet).
     */
    public Uni<Void> learnShown(SqlClient tx, List<LearnedImpression> shown) {
        return learn(tx, shown, true);
    }

    /**
     * Adds credited rewards to the sums, on the transaction that credited them: the reward's increase for the
     * variant, and the increase times φ for the contextual model (completing its target r − μ).
     */
    public Uni<Void> learnRewards(SqlClient tx, List<LearnedImpression> credited) {
        return learn(tx, credited, false);
    }

    private Uni<Void> learn(SqlClient tx, List<LearnedImpression> items, boolean shown) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, BanditRepository.VariantDelta> variants = new HashMap<>();
        LinearSums sums = new LinearSums(features.modelDim());
        for (LearnedImpression item : items) {
            variants.merge(item.artworkId(), new BanditRepository.VariantDelta(item.titleId(), shown ? 1 : 0, item.amount()),
                    (a, b) -> a.plus(b.trials(), b.reward()));
            if (item.layout().equals(features.layout())) {
                sums.add(phi(item), shown ? -item.baseline() : item.amount(), shown);
            }
        }
        Uni<Void> linear = sums.touched ? repository.addLinearSums(tx, features.layout(), sums.gram, sums.b, sums.observations)
                : Uni.createFrom().voidItem();
        return repository.addVariantStats(tx, variants)
                .flatMap(v -> linear)
                .flatMap(v -> repository.bumpVersion(tx));
    }

    /** One batch's additions to the contextual model's sums, dense: a batch touches the same cells many times. */
    private static final class LinearSums {
        final int dim;
        final double[] gram;
        final double[] b;
        long observations;
        boolean touched;

        LinearSums(int dim) {
            this.dim = dim;
            this.gram = new double[dim * dim];
            this.b = new double[dim];
        }

        /** Adds target·φ to b and, for a shown impression, φφᵀ and one observation. */
        void add(SparseVector phi, double target, boolean shown) {
            int[] idx = phi.indices();
            double[] val = phi.values();
            if (idx.length == 0) {
                return;
            }
            touched = true;
            for (int a = 0; a < idx.length; a++) {
                if (shown) {
                    for (int c = 0; c < idx.length; c++) {
                        gram[idx[a] * dim + idx[c]] += val[a] * val[c];
                    }
                }
                b[idx[a]] += target * val[a];
            }
            if (shown) {
                observations++;
            }
        }
    }

    /** φ = x ⊗ z of the impression, as it was shown. */
    private SparseVector phi(LearnedImpression s) {
        double[] ones = new double[s.armFeatures().length];
        Arrays.fill(ones, 1);
        return SparseVector.outer(s.context(), new SparseVector(s.armFeatures(), ones), features.armDim());
    }
}
