package io.serenade.bench.recs;

import io.serenade.bench.Options;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.Locale;

/**
 * The {@code recs-jmh} command: runs {@link ScoringBenchmark} through JMH's Runner with bounded settings and
 * prints p50/p99 per benchmark against the 5 ms target. Each fork trains its own model first (minutes at
 * 10,000 titles), outside the measured iterations.
 */
public final class RecsJmh {

    static final String USAGE = """
            usage: serenade-bench recs-jmh [--forks 1] [--warmups 3] [--iterations 5] [--time 5] (seconds per iteration)
                                           [--history 50,500] [--titles 10000] [--users 20000] [--heap 3g]
                                           [--bench scoreAndExplainTop100|homePage|.*] [--prof gc,stack:lines=3;top=20] [--json out.json]""";
    static final double TARGET_P99_MS = 5.0;

    private RecsJmh() {
    }

    public static void main(String[] args) throws RunnerException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        String heap = o.get("heap", "3g");
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(ScoringBenchmark.class.getName() + "\\.(" + o.get("bench", ".*") + ")$")
                .forks(o.getInt("forks", 1))
                .warmupIterations(o.getInt("warmups", 3))
                .measurementIterations(o.getInt("iterations", 5))
                .warmupTime(TimeValue.seconds(o.getInt("time", 5)))
                .measurementTime(TimeValue.seconds(o.getInt("time", 5)))
                .param("historySize", o.get("history", "50,500").split(","))
                .param("titles", o.get("titles", "10000"))
                .param("trainingUsers", o.get("users", "20000"))
                // The services run ParallelGC (docs/benchmarks.md); the heap holds the training's peak.
                .jvmArgs("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC")
                .shouldFailOnError(true);
        // "gc,stack:lines=3;top=20": profilers separated by commas, each with JMH's own options after a colon.
        for (String prof : o.get("prof", "").split(",")) {
            int colon = prof.indexOf(':');
            if (colon > 0) {
                builder.addProfiler(prof.substring(0, colon), prof.substring(colon + 1));
            } else if (!prof.isBlank()) {
                builder.addProfiler(prof);
            }
        }
        String json = o.get("json", "");
        if (!json.isBlank()) {
            builder.resultFormat(ResultFormatType.JSON).result(json);
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        System.out.println();
        System.out.println(summary(results));
    }

    static String summary(Collection<RunResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %8s %8s %9s %9s %9s %9s %8s  %s%n",
                "benchmark", "history", "titles", "samples", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "p99 <= 5 ms"));
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            String name = r.getParams().getBenchmark();
            double p99 = s.getPercentile(99);
            out.append(String.format(Locale.ROOT, "%-24s %8s %8s %9d %9.3f %9.3f %9.3f %8.3f  %s%n",
                    name.substring(name.lastIndexOf('.') + 1), r.getParams().getParam("historySize"),
                    r.getParams().getParam("titles"), s.getN(), s.getPercentile(50), p99, s.getPercentile(99.9),
                    s.getMax(), p99 <= TARGET_P99_MS ? "met" : "MISSED"));
        }
        return out.toString();
    }
}
