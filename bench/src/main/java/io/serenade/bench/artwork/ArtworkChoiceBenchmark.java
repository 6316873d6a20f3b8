package io.serenade.bench.artwork;

import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.BanditModel;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.Distribution;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.LinearModel;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.policy.Taste;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The decision half of a 40-title artwork choice, as artwork-service makes it for a consenting viewer: the
 * viewer's features, then per title LinUCB's distribution over 4 variants, the exploration cap, the draw and the
 * explanation. Excludes the HTTP, Redis and propensity-log work around it, which the wrk figures include. The
 * model is the service's shape (the default tag vocabulary, 232 cross features) after 50,000 learned impressions.
 * <p>
 * Run: {@code java -cp bench/target/serenade-bench.jar org.openjdk.jmh.Main ArtworkChoiceBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms768m", "-Xmx768m", "-XX:+UseParallelGC"})
public class ArtworkChoiceBenchmark {

    private static final int TITLES = 40;
    private static final int VARIANTS = 4;

    private final FeatureSpace features = new FeatureSpace(
            List.of("faces", "ominous", "romantic", "action", "minimal", "bright", "dark", "text"));
    private final LinUcbPolicy policy = new LinUcbPolicy(0.3, 0.05, features.armDim());
    private final List<List<Arm>> pages = new ArrayList<>();
    private final Taste taste = new Taste(Map.of("faces", 6.0, "dark", 2.0), Map.of("thriller", 5.0, "drama", 3.0), 10);
    private BanditModel model;
    private UniformRandomProvider random;

    @Setup(Level.Trial)
    public void setUp() {
        random = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        Map<String, BetaStats> stats = new HashMap<>();
        BetaStats prior = BetaStats.centredPrior(1_000_000, 50_000, 20);
        for (int t = 0; t < TITLES; t++) {
            List<Arm> arms = new ArrayList<>();
            for (int v = 0; v < VARIANTS; v++) {
                List<String> tags = List.of(features.tags().get((t + v) % features.tags().size()));
                String id = "a-" + t + "-" + v;
                arms.add(new Arm(id, tags, features.armFeatures(tags)));
                double trials = 500 + random.nextInt(5000);
                stats.put(id, new BetaStats(trials, Math.floor(trials * (0.02 + 0.06 * random.nextDouble()))).withPrior(prior));
            }
            pages.add(arms);
        }
        LinearModel linear = new LinearModel(features.modelDim(), 1.0);
        String[] devices = {"tv", "mobile", "web", "tablet"};
        for (int n = 0; n < 50_000; n++) {
            SparseVector x = features.context(taste, devices[n % 4], LocalTime.of(n % 24, 0), n % 2 == 0 ? "en-GB" : "fr-FR");
            List<Arm> arms = pages.get(n % TITLES);
            Arm arm = arms.get(random.nextInt(VARIANTS));
            policy.learn(linear, x, arm, random.nextDouble() < 0.05 ? 1 : 0, 0.05);
        }
        Map<String, BetaStats> frozen = Map.copyOf(stats);
        model = new BanditModel() {
            @Override
            public BetaStats stats(String armId) {
                return frozen.getOrDefault(armId, prior);
            }

            @Override
            public LinearModel linear() {
                return linear;
            }
        };
    }

    @Benchmark
    public void choose40(Blackhole bh) {
        SparseVector context = features.context(taste, "tv", LocalTime.of(21, 0), "en-GB");
        for (List<Arm> arms : pages) {
            Distribution d = policy.distribution(new Decision(arms, context, model), random).capExploration(0.2);
            int index = d.sample(random.nextDouble());
            bh.consume(d.probability(index));
            bh.consume(policy.strongestReason(model.linear(), context, arms.get(index)));
        }
    }
}
