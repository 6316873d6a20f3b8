package io.serenade.bench.recs;

import io.serenade.bench.Options;
import com.sun.management.OperatingSystemMXBean;
import io.serenade.ranking.recommend.ModelBuilder;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code train-bench} command: times {@code ModelBuilder.build} on the synthetic catalog, stage by stage,
 * with the peak heap it needed ({@link HeapWatch}). Run one catalog size per JVM so earlier runs' garbage and
 * JIT state do not count; {@code --runs} repeats the build in the same JVM (the first run includes JIT warm-up).
 */
public final class TrainBench {

    static final String USAGE = """
            usage: serenade-bench train-bench [--titles 10000] [--users 20000] [--runs 1] [--seed 42] [--sample-ms 5]
                   (run with java -Xmx… -XX:+UseParallelGC; the heap limit is printed with the figures)""";

    private TrainBench() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        int titles = o.getInt("titles", 10_000);
        int users = o.getInt("users", 20_000);
        int runs = o.getInt("runs", 1);
        long seed = Long.parseLong(o.get("seed", "42"));
        int sampleMillis = o.getInt("sample-ms", 5);

        long t0 = System.nanoTime();
        SyntheticCatalog data = SyntheticCatalog.generate(titles, users, 3, seed);
        System.out.printf(Locale.ROOT, "data: %d titles, %d users, %d positives (generated in %.1f s)%n",
                titles, users, data.positives().pairs(), (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "jvm: %s %s, %d cpus, max heap %d MiB, gc %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        System.out.printf(Locale.ROOT, "%-6s %-4s %8s %8s %10s %8s %8s %8s %8s %8s %10s %11s %4s  %s%n", "titles", "run",
                "prepare", "gram", "inverse", "weights", "content", "evaluate", "total s", "cpu s", "peak MiB",
                "postGC MiB", "gcs", "metrics");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            // Start each run from a collected heap, so the peak is this run's.
            System.gc();
            // CPU seconds of the whole process (EJML's worker threads, GC): on a shared machine wall time also
            // counts other processes' turns, CPU time much less so.
            long cpu = os.getProcessCpuTime();
            StageClock clock = StageClock.start();
            ModelBuilder.Result result;
            long peak;
            long afterGc;
            long gcs;
            try (HeapWatch heap = HeapWatch.start(sampleMillis)) {
                result = ModelBuilder.build("train-bench", SyntheticCatalog.NOW, data.titles(), data.positives(),
                        SyntheticCatalog.PARAMS, clock);
                clock.stop();
                cpu = os.getProcessCpuTime() - cpu;
                peak = heap.peakBytes();
                afterGc = heap.peakAfterGcBytes();
                gcs = heap.collections();
            }
            if (result.easeTitles() != titles) {
                System.err.printf("warning: only %d of %d titles entered EASE%n", result.easeTitles(), titles);
            }
            Map<String, Double> s = clock.seconds();
            System.out.printf(Locale.ROOT, "%-6d %-4d %8.2f %8.2f %10.2f %8.2f %8.2f %8.2f %8.2f %8.2f %10d %11d %4d  %s%n",
                    titles, run, s.get("prepare"), s.get("gram"), s.get("cholesky+inverse"), s.get("weights"),
                    s.get("content"), s.get("evaluate"), s.get("total"), cpu / 1e9, peak >> 20, afterGc >> 20, gcs,
                    metrics(result.metrics()));
        }
    }

    private static String metrics(Map<String, Double> metrics) {
        return String.format(Locale.ROOT, "HR@10 %.3f (popularity %.3f)", metrics.get("hitRate@10"),
                metrics.get("popularityHitRate@10"));
    }
}
