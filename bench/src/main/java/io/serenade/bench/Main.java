package io.serenade.bench;

import io.serenade.bench.seed.DemoSeed;

import java.util.Arrays;

/** Entry point of the bench tools: {@code java -jar bench/target/serenade-bench.jar <tool> [options]}. */
public final class Main {

    /** The Kafka client logs its whole configuration at INFO; a command-line tool wants only problems. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: serenade-bench <seed|ingest|token> [--option value ...]");
            System.exit(2);
        }
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "seed" -> DemoSeed.main(rest);
            case "ingest" -> io.serenade.bench.ingest.IngestBenchmark.main(rest);
            case "eval-recs" -> io.serenade.bench.eval.EvalRecs.main(rest);
            case "recs-jmh" -> io.serenade.bench.recs.RecsJmh.main(rest);
            case "train-bench" -> io.serenade.bench.recs.TrainBench.main(rest);
            case "bandit-sim" -> io.serenade.bench.bandit.BanditSim.main(rest);
            case "ope" -> io.serenade.bench.bandit.Ope.main(rest);
            case "artwork-loop" -> io.serenade.bench.loop.ArtworkLoop.main(rest);
            case "consent-propagation" -> io.serenade.bench.privacy.ConsentPropagation.main(rest);
            case "erasure" -> io.serenade.bench.privacy.ErasureCompletion.main(rest);
            case "erasure-proof" -> io.serenade.bench.privacy.ErasureProof.main(rest);
            case "faults" -> io.serenade.bench.faults.Faults.main(rest);
            case "export" -> io.serenade.bench.privacy.ExportTiming.main(rest);
            case "purpose-tokens" -> SuitePurposes.main(rest);
            case "token" -> System.out.println(new Keycloak(Options.parse(rest)).token(Options.parse(rest).get("user", "alice")));
            default -> {
                System.err.println("unknown tool " + args[0]);
                System.exit(2);
            }
        }
    }
}
