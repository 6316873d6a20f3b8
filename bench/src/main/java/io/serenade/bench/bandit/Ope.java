package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Distribution;
import io.serenade.bench.Options;
import io.serenade.bench.bandit.BanditLog.Split;
import io.serenade.bench.bandit.Estimators.Scored;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ope} command: off-policy evaluation of the artwork policies on logged bandit feedback, the Open Bandit
 * Dataset or Serenade's own propensity log. The policies train on the first part of the log by time and are then
 * frozen; their reward rate on the rest is estimated by replay, IPS, SNIPS and doubly robust, each with a
 * bootstrap interval, beside the logging policies' own rates. Writes ope.md.
 */
public final class Ope {

    static final String USAGE = """
            usage: serenade-bench ope [--format obd] [--data ../shared/datasets/obd] [--campaign men|women|all]
                                      [--train-fraction 0.5] [--bootstrap 1000] [--seed 42] [--out bench/target/ope]
                   serenade-bench ope --format serenade --log FILE [--train-fraction 0.5] [--bootstrap 1000] ...""";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One target policy's estimates; {@code replayKept} is the number of rounds replay keeps on average, Σ π(logged). */
    record Estimate(String policy, Interval replay, Interval ips, Interval snips, Interval dr, double replayKept) {
    }

    /** A log's evaluation: its split, the estimates per policy, and how many held-out rounds were logged uniformly. */
    record Evaluation(BanditLog log, Split split, List<Estimate> estimates, int uniformlyLogged) {
    }

    private Ope() {
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
            double fraction = Double.parseDouble(options.get("train-fraction", "0.5"));
            long seed = Long.parseLong(options.get("seed", "42"));
            // Distinct streams: training (Thompson's Monte Carlo), the bootstrap's resamples, replay's draws.
            Bootstrap bootstrap = new Bootstrap(options.getInt("bootstrap", 1000), seed + 1);
            Path dir = Path.of(options.get("out", "bench/target/ope"));
            StringBuilder md = new StringBuilder("# Off-policy evaluation of the artwork policies\n\n");
            md.append(String.format(Locale.ROOT, "Policies train on the first %.0f%% of the log by time, then are frozen "
                    + "and evaluated on the rest. Reward = click; estimates are per impression, with 95%% percentile "
                    + "bootstrap intervals over %,d resamples of the held-out rounds (seed %d). A bootstrap only "
                    + "resamples what happened: a policy that concentrates on items without a held-out click gets an "
                    + "interval narrower than its true uncertainty.%n", 100 * fraction, bootstrap.resamples(), seed));
            String format = options.get("format", "obd");
            switch (format) {
                case "obd" -> {
                    Path data = Path.of(options.get("data", "../shared/datasets/obd"));
                    String campaign = options.get("campaign", "all");
                    List<String> campaigns = switch (campaign) {
                        case "all" -> List.of("men", "women");
                        case "men", "women" -> List.of(campaign);
                        default -> throw new IllegalArgumentException("unknown campaign " + campaign + " (men, women, all)");
                    };
                    md.append("OBD rows are impressions in one of three slots; the slot (position) is ignored, so "
                            + "every estimate is a click rate averaged over the slots as the random policy filled them.\n");
                    for (String c : campaigns) {
                        BanditLog random = BanditLogReader.obd(data, "random", c);
                        BanditLog bts = BanditLogReader.obd(data, "bts", c);
                        Evaluation e = evaluate(random, fraction, bootstrap, seed, err);
                        md.append(section(e, "random (uniform)"));
                        md.append(loggedRow("bts (production Thompson sampling), same period",
                                bts.since(e.split().testStart())));
                        md.append(loggedRow("bts, whole log", bts.rounds()));
                    }
                }
                case "serenade" -> {
                    String file = options.get("log", null);
                    if (file == null) {
                        throw new IllegalArgumentException("--log FILE is required for --format serenade");
                    }
                    Evaluation e = evaluate(BanditLogReader.serenade(Path.of(file)), fraction, bootstrap, seed, err);
                    md.append(section(e, "the log's own policy"));
                    md.append(loggedRow("the log's own policy, whole log", e.log().rounds()));
                }
                default -> throw new IllegalArgumentException("unknown format " + format + " (obd, serenade)");
            }
            out.print(md);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ope.md"), md);
            err.println("wrote " + dir.resolve("ope.md"));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("ope: " + (e instanceof NoSuchFileException ? "no such file " : "") + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    static Evaluation evaluate(BanditLog log, double fraction, Bootstrap bootstrap, long seed, PrintStream err) {
        long start = System.nanoTime();
        Split split = log.split(fraction);
        List<TrainedPolicies.Frozen> policies = TrainedPolicies.train(log, split.train(), seed);
        ItemRates rewardModel = ItemRates.fit(split.train());
        List<LoggedRound> test = split.test();
        int uniform = 0;
        for (LoggedRound r : test) {
            if (Math.abs(r.propensity() * r.candidates().size() - 1) < 1e-6) {
                uniform++;
            }
        }
        List<Estimate> estimates = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            TrainedPolicies.Frozen policy = policies.get(p);
            Scored[] scored = new Scored[test.size()];
            double replayKept = 0;
            for (int i = 0; i < scored.length; i++) {
                LoggedRound r = test.get(i);
                Distribution target = policy.distribution(r);
                double[] predicted = r.candidates().stream().mapToDouble(rewardModel::predict).toArray();
                int logged = r.candidates().indexOf(r.item());
                scored[i] = Scored.of(logged, r.reward(), r.propensity(), target, predicted);
                replayKept += target.probability(logged);
            }
            UniformRandomProvider replayDraws = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 2 + p);
            estimates.add(new Estimate(policy.name(),
                    bootstrap.interval(scored.length, s -> Estimators.replay(scored, s, replayDraws)),
                    bootstrap.interval(scored.length, s -> Estimators.ips(scored, s)),
                    bootstrap.interval(scored.length, s -> Estimators.snips(scored, s)),
                    bootstrap.interval(scored.length, s -> Estimators.dr(scored, s)),
                    replayKept));
        }
        err.printf(Locale.ROOT, "%s: %,d rounds evaluated in %.1f s%n", log.source(), log.rounds().size(),
                (System.nanoTime() - start) / 1e9);
        return new Evaluation(log, split, estimates, uniform);
    }

    /** The estimates table and the head of the logged-rates table, whose first row is the log's own held-out rate. */
    static String section(Evaluation e, String loggingPolicy) {
        Split split = e.split();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%n## %s: %,d rounds, %d items%n%n", e.log().source(),
                e.log().rounds().size(), distinctCandidates(e.log())));
        md.append(String.format(Locale.ROOT, "Training: %,d rounds, %s to %s, %,.0f clicks. Held out: %,d rounds, "
                        + "%s to %s, %,.0f clicks.%n%n", split.train().size(), time(split.train().get(0).time()),
                time(split.testStart()), clicks(split.train()), split.test().size(), time(split.testStart()),
                time(split.test().get(split.test().size() - 1).time()), clicks(split.test())));
        if (e.uniformlyLogged() < split.test().size()) {
            md.append(String.format(Locale.ROOT, "Only %,d of the %,d held-out rounds were logged uniformly at random: "
                    + "replay is biased on this log, read IPS, SNIPS and DR.%n%n", e.uniformlyLogged(), split.test().size()));
        }
        md.append("| policy | replay | IPS | SNIPS | DR | replay rounds kept (expected) |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Estimate est : e.estimates()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,.0f |%n", est.policy(),
                    est.replay().percent(), est.ips().percent(), est.snips().percent(), est.dr().percent(),
                    est.replayKept()));
        }
        md.append("\nLogged click rates, Wilson 95% intervals:\n\n");
        md.append("| logging policy | rounds | clicks | click rate |\n|---|---:|---:|---:|\n");
        md.append(loggedRow(loggingPolicy + ", held-out period", split.test()));
        return md.toString();
    }

    private static String loggedRow(String label, List<LoggedRound> rounds) {
        if (rounds.isEmpty()) {
            return String.format(Locale.ROOT, "| %s | 0 | 0 | n/a |%n", label);
        }
        double clicks = clicks(rounds);
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %s |%n", label, rounds.size(), clicks,
                Interval.wilson(clicks, rounds.size()).percent());
    }

    private static double clicks(List<LoggedRound> rounds) {
        return rounds.stream().mapToDouble(LoggedRound::reward).sum();
    }

    private static long distinctCandidates(BanditLog log) {
        return log.rounds().stream().flatMap(r -> r.candidates().stream()).distinct().count();
    }

    private static String time(Instant t) {
        return MINUTES.format(t);
    }
}
