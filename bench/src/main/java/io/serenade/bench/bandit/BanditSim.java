package io.serenade.bench.bandit;

import io.serenade.bench.Options;
import io.serenade.bench.bandit.BanditSimulator.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code bandit-sim} command: the artwork policies on a simulated title whose viewer segments prefer different
 * variants; cumulative regret against the best single variant (with Lai and Robbins' lower bound) and against the
 * per-segment best, and the plays each policy earns. Writes regret.md and regret.svg.
 */
public final class BanditSim {

    static final String USAGE = """
            usage: serenade-bench bandit-sim [--t 100000] [--runs 10] [--seed 42] [--k 4] [--segments 3]
                                             [--out bench/target/bandit-sim]
                   serenade-bench bandit-sim --rates 0.5,0.4,... [...]   one segment with these rates instead""";

    private static final String[] COLORS = {"#7f7f7f", "#ff7f0e", "#1f77b4", "#2ca02c"};

    private BanditSim() {
    }

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code instead of exiting, so tests can call it. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            int rounds = options.getInt("t", 100_000);
            int runs = options.getInt("runs", 10);
            long seed = Long.parseLong(options.get("seed", "42"));
            String rates = options.get("rates", null);
            ArtworkProblem problem = rates == null
                    ? ArtworkProblem.standard(options.getInt("k", 4), options.getInt("segments", 3))
                    : ArtworkProblem.single(Arrays.stream(rates.split(",")).mapToDouble(r -> Double.parseDouble(r.strip())).toArray());
            Path dir = Path.of(options.get("out", "bench/target/bandit-sim"));
            if (runs < 1 || rounds < 10) {
                throw new IllegalArgumentException("need --runs ≥ 1 and --t ≥ 10");
            }
            BanditSimulator simulator = new BanditSimulator(problem, rounds, seed);
            List<Contender> lineup = Contender.lineup(problem.variants());
            List<Trace> traces = new ArrayList<>();
            for (int i = 0; i < lineup.size(); i++) {
                long start = System.nanoTime();
                traces.add(simulator.run(lineup.get(i), i, runs));
                err.printf(Locale.ROOT, "%s: %d runs × %,d rounds in %.1f s%n", lineup.get(i).name(), runs, rounds,
                        (System.nanoTime() - start) / 1e9);
            }
            String table = table(problem, rounds, runs, seed, traces);
            out.print(table);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("regret.md"), table);
            Files.writeString(dir.resolve("regret.svg"), svg(problem, traces));
            err.println("wrote " + dir.resolve("regret.md") + " and " + dir.resolve("regret.svg"));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("bandit-sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    static String table(ArtworkProblem problem, int rounds, int runs, long seed, List<Trace> traces) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# bandit-sim: %d variants, %d segment%s, T = %,d, %d runs (seed %d)%n%n",
                problem.variants(), problem.segments(), problem.segments() == 1 ? "" : "s", rounds, runs, seed));
        rates(md, problem);
        Trace thompson = find(traces, Lineup.THOMPSON);
        double lrConstant = problem.laiRobbinsConstant();
        int last = thompson.checkpoints().length - 1;
        md.append("| policy | regret vs best variant | regret vs contextual oracle | plays | plays vs Thompson |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Trace t : traces) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %+.1f%% |%n", t.name(),
                    meanSd(column(t.vsBest(), last)), meanSd(column(t.vsOracle(), last)), meanSd(t.reward()),
                    100 * (mean(t.reward()) / mean(thompson.reward()) - 1)));
        }
        md.append(String.format(Locale.ROOT, "| Lai–Robbins lower bound, %.2f · ln T | %,.0f | | | |%n%n", lrConstant,
                lrConstant * Math.log(rounds)));
        md.append(String.format(Locale.ROOT, "Mean ± standard deviation over %d runs. Regret is pseudo-regret (expected "
                + "rates of the variants chosen); plays are the simulated Bernoulli outcomes. The contextual policy's "
                + "regret vs the best single variant is negative when it beats every single variant.%n%n", runs));
        growth(md, lrConstant, traces, thompson);

        double ratio = mean(column(thompson.vsBest(), last)) / (lrConstant * Math.log(rounds));
        double lift = 100 * (mean(find(traces, Lineup.LINUCB).reward()) / mean(thompson.reward()) - 1);
        md.append(String.format(Locale.ROOT, "%nTargets: Thompson's regret at T / Lai–Robbins bound = %.2f "
                + "(target ≤ 1.5: %s); ", ratio, ratio <= 1.5 ? "met" : "NOT met"));
        md.append(problem.segments() > 1
                ? String.format(Locale.ROOT, "%s plays vs Thompson = %+.1f%% (target ≥ +12.5%%: %s).%n", Lineup.LINUCB,
                        lift, lift >= 12.5 ? "met" : "NOT met")
                : "one segment, so nothing for the contextual policy to exploit (no lift target).\n");
        return md.toString();
    }

    /** The true play rates, per segment and over all viewers. */
    private static void rates(StringBuilder md, ArtworkProblem problem) {
        int k = problem.variants();
        md.append("True play rate of each variant in each viewer segment:\n\n| segment | share |");
        for (int a = 0; a < k; a++) {
            md.append(" v").append(a).append(" |");
        }
        md.append("\n|---|---:|").append("---:|".repeat(k)).append('\n');
        for (int s = 0; s < problem.segments(); s++) {
            md.append(String.format(Locale.ROOT, "| s%d | %.1f%% |", s, 100 * problem.shares()[s]));
            for (int a = 0; a < k; a++) {
                md.append(String.format(Locale.ROOT, " %.2f%% |", 100 * problem.rates()[s][a]));
            }
            md.append('\n');
        }
        md.append("| all viewers (μ) | 100% |");
        for (double m : problem.mixed()) {
            md.append(String.format(Locale.ROOT, " %.2f%% |", 100 * m));
        }
        md.append(String.format(Locale.ROOT, "%n%nBest single variant v%d (μ* = %.2f%%); contextual oracle %.2f%%; "
                        + "Lai–Robbins constant Σ Δₐ/KL(μₐ, μ*) = %.2f.%n%n", problem.bestVariant(),
                100 * problem.mixed()[problem.bestVariant()], 100 * problem.oracle(), problem.laiRobbinsConstant()));
    }

    /** The non-contextual policies' regret at each power of ten and at T, beside the bound. */
    private static void growth(StringBuilder md, double lrConstant, List<Trace> traces, Trace thompson) {
        List<Trace> blind = traces.stream().filter(t -> !t.contextual()).toList();
        md.append("Regret vs the best single variant as t grows (mean over runs):\n\n| t |");
        blind.forEach(t -> md.append(' ').append(t.name()).append(" |"));
        md.append(" Lai–Robbins | Thompson / bound |\n|---:|").append("---:|".repeat(blind.size() + 2)).append('\n');
        long[] checkpoints = thompson.checkpoints();
        int last = checkpoints.length - 1;
        for (int i = 0; i < checkpoints.length; i++) {
            if (checkpoints[i] >= 100 && (isPowerOfTen(checkpoints[i]) || i == last)) {
                md.append(String.format(Locale.ROOT, "| %,d |", checkpoints[i]));
                for (Trace t : blind) {
                    md.append(String.format(Locale.ROOT, " %,.1f |", mean(column(t.vsBest(), i))));
                }
                double lr = lrConstant * Math.log(checkpoints[i]);
                md.append(String.format(Locale.ROOT, " %,.1f | %.2f |%n", lr, mean(column(thompson.vsBest(), i)) / lr));
            }
        }
        // Lai–Robbins is asymptotic: at a finite horizon regret may lie below C · ln t. What must hold as t grows is
        // the slope, regret gained per factor of t; so the last decade's growth is set beside the bound's.
        long rounds = checkpoints[last];
        int decadeAgo = 0;
        while (checkpoints[decadeAgo + 1] * 10 <= rounds) {
            decadeAgo++;
        }
        if (checkpoints[decadeAgo] * 10 <= rounds) {
            double grown = mean(column(thompson.vsBest(), last)) - mean(column(thompson.vsBest(), decadeAgo));
            double boundGrown = lrConstant * Math.log((double) rounds / checkpoints[decadeAgo]);
            md.append(String.format(Locale.ROOT, "%nFrom t = %,d to %,d Thompson's regret grew by %,.1f, the bound by "
                            + "%,.1f (ratio %.2f). The bound holds only as t → ∞, so regret below it at a finite "
                            + "horizon is no contradiction; the growth per factor of t is what approaches the bound's.%n",
                    checkpoints[decadeAgo], rounds, grown, boundGrown, grown / boundGrown));
        }
    }

    private static boolean isPowerOfTen(long n) {
        while (n % 10 == 0 && n > 1) {
            n /= 10;
        }
        return n == 1;
    }

    /** Two log-log panels: regret vs the best single variant (non-contextual policies, bound) and vs the oracle (all). */
    static String svg(ArtworkProblem problem, List<Trace> traces) {
        SvgPlot single = new SvgPlot("Regret vs the best single variant", "round t", "cumulative regret (plays)", true, true);
        SvgPlot oracle = new SvgPlot("Regret vs each segment's best variant", "round t", "cumulative regret (plays)",
                true, true);
        // From t = 10 on: the first rounds' regret is a fraction of a play, noise on a log scale.
        long[] checkpoints = traces.get(0).checkpoints();
        int first = 0;
        while (checkpoints[first] < 10) {
            first++;
        }
        int n = checkpoints.length - first;
        double[] x = new double[n];
        double[] bound = new double[n];
        for (int c = 0; c < n; c++) {
            x[c] = checkpoints[first + c];
            bound[c] = problem.laiRobbinsConstant() * Math.log(x[c]);
        }
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            double[] best = new double[n];
            double[] vsOracle = new double[n];
            for (int c = 0; c < n; c++) {
                best[c] = mean(column(t.vsBest(), first + c));
                vsOracle[c] = mean(column(t.vsOracle(), first + c));
            }
            String color = COLORS[i % COLORS.length];
            if (!t.contextual()) {
                single.add(new SvgPlot.Series(t.name(), x, best, color, false));
            }
            oracle.add(new SvgPlot.Series(t.name(), x, vsOracle, color, false));
        }
        single.add(new SvgPlot.Series("Lai–Robbins lower bound", x, bound, "#000000", true));
        return SvgPlot.render(560, 420, List.of(single, oracle));
    }

    private static Trace find(List<Trace> traces, String name) {
        return traces.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static double[] column(double[][] perRun, int index) {
        double[] c = new double[perRun.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = perRun[r][index];
        }
        return c;
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static String meanSd(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0;
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", m, sd);
    }
}
