package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.Distribution;
import io.serenade.artwork.policy.SparseVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Plays policies on an {@link ArtworkProblem} for T rounds in R seeded runs and records their cumulative regret. */
public final class BanditSimulator {

    /**
     * One contender's record: its cumulative pseudo-regret at each checkpoint in each run, against the best single
     * variant and against the contextual oracle, and each run's total reward (plays).
     */
    public record Trace(String name, boolean contextual, long[] checkpoints, double[][] vsBest, double[][] vsOracle,
                        double[] reward) {
    }

    private final ArtworkProblem problem;
    private final int rounds;
    private final long seed;
    private final long[] checkpoints;
    private final List<Arm> arms = new ArrayList<>();
    private final SparseVector[] segmentContexts;

    public BanditSimulator(ArtworkProblem problem, int rounds, long seed) {
        if (rounds < 1) {
            throw new IllegalArgumentException("need at least one round");
        }
        this.problem = problem;
        this.rounds = rounds;
        this.seed = seed;
        this.checkpoints = logSpaced(rounds, 20);
        for (int a = 0; a < problem.variants(); a++) {
            arms.add(new Arm("v" + a, List.of(), oneHot(a, problem.variants())));
        }
        segmentContexts = new SparseVector[problem.segments()];
        for (int s = 0; s < segmentContexts.length; s++) {
            segmentContexts[s] = oneHot(s, problem.segments());
        }
    }

    public Trace run(Contender contender, int stream, int runs) {
        double[][] vsBest = new double[runs][];
        double[][] vsOracle = new double[runs][];
        double[] reward = new double[runs];
        for (int run = 0; run < runs; run++) {
            vsBest[run] = new double[checkpoints.length];
            vsOracle[run] = new double[checkpoints.length];
            reward[run] = play(contender, stream, run, vsBest[run], vsOracle[run]);
        }
        return new Trace(contender.name(), contender.isContextual(), checkpoints, vsBest, vsOracle, reward);
    }

    /** One run; fills the regret at each checkpoint and returns the plays earned. */
    private double play(Contender contender, int stream, int run, double[] vsBest, double[] vsOracle) {
        // Every contender of a run meets the same viewers and the same reward draws (common random numbers, so
        // differences between policies are not arrival noise); each policy's own randomness has a stream of its own.
        UniformRandomProvider world = random(run, 0);
        UniformRandomProvider own = random(run, stream + 1);
        boolean contextual = contender.isContextual();
        MutableBanditModel model = contender.newModel(problem.segments() * problem.variants());
        double[][] rates = problem.rates();
        double[] mixed = problem.mixed();
        double[] segmentBest = new double[rates.length];
        for (int s = 0; s < rates.length; s++) {
            segmentBest[s] = rates[s][Distribution.argmax(rates[s])];
        }
        int best = problem.bestVariant();
        double oracle = problem.oracle();
        double regretBest = 0;
        double regretOracle = 0;
        double plays = 0;
        int next = 0;
        for (int t = 1; t <= rounds; t++) {
            int s = problem.segment(world.nextDouble());
            double u = world.nextDouble();
            SparseVector context = contextual ? segmentContexts[s] : SparseVector.EMPTY;
            int a = contender.chooser().choose(new Decision(arms, context, model), own);
            double r = u < rates[s][a] ? 1 : 0;
            model.learn(context, arms.get(a), r);
            plays += r;
            // Pseudo-regret: expected rewards, not the Bernoulli outcomes. A policy blind to the segment chooses
            // independently of it, so the segment is integrated out (the quantity Lai–Robbins bounds); the
            // contextual policy's choice depends on it, so its comparators are taken in the segment that arrived.
            double[] faced = contextual ? rates[s] : mixed;
            regretBest += faced[best] - faced[a];
            regretOracle += (contextual ? segmentBest[s] : oracle) - faced[a];
            if (t == checkpoints[next]) {
                vsBest[next] = regretBest;
                vsOracle[next] = regretOracle;
                next++;
            }
        }
        return plays;
    }

    private UniformRandomProvider random(int run, int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed * 1_000_003L + run * 1_009L + stream);
    }

    /** About {@code perDecade} rounds per power of ten from 1 to {@code rounds}, always ending at {@code rounds}. */
    static long[] logSpaced(int rounds, int perDecade) {
        TreeSet<Long> points = new TreeSet<>();
        for (int i = 0; ; i++) {
            long t = Math.round(Math.pow(10, (double) i / perDecade));
            if (t >= rounds) {
                break;
            }
            points.add(t);
        }
        points.add((long) rounds);
        return points.stream().mapToLong(Long::longValue).toArray();
    }

    private static SparseVector oneHot(int index, int dim) {
        double[] dense = new double[dim];
        dense[index] = 1;
        return SparseVector.ofDense(dense);
    }
}
