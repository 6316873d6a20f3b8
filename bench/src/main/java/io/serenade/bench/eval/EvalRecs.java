package io.serenade.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.serenade.bench.Options;
import io.serenade.bench.eval.ModelSearch.Grids;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code eval-recs} command: offline evaluation of the recommendation models on a ratings file under a
 * published protocol, so our figures can be set beside the literature's (method in docs/evaluation.md).
 */
public final class EvalRecs {

    static final String USAGE = """
            usage: serenade-bench eval-recs --format ml-100k|ml-1m|ml-latest|csv --input PATH
                                            --protocol random-811|stratified-7525 [--seed 42] [--json out.json]
                                            [--models popularity,itemknn,ease,blend]
                                            [--lambdas 50,100,...] [--knn-k 20,50,...] [--knn-shrink 0,10,...] [--betas 0,0.01,...]
                   serenade-bench eval-recs --format synthetic --users 600 --items 400 --clusters 6 [--seed 7] ...""";

    private EvalRecs() {
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
            String format = options.get("format", null);
            if (format == null) {
                err.println(USAGE);
                return 2;
            }
            long seed = Long.parseLong(options.get("seed", "42"));
            Protocol protocol = Protocol.parse(options.get("protocol", "random-811"));
            List<String> models = list(options.get("models", String.join(",", ModelSearch.MODELS)));
            for (String m : models) {
                if (!ModelSearch.MODELS.contains(m)) {
                    throw new IllegalArgumentException("unknown model " + m + " (" + String.join(", ", ModelSearch.MODELS) + ")");
                }
            }
            Grids defaults = Grids.defaults();
            Grids grids = new Grids(
                    doubles(options.get("lambdas", null), defaults.lambdas()),
                    Arrays.stream(doubles(options.get("knn-k", null), Arrays.stream(defaults.knnK()).asDoubleStream().toArray()))
                            .mapToInt(d -> (int) d).toArray(),
                    doubles(options.get("knn-shrink", null), defaults.knnShrink()),
                    doubles(options.get("betas", null), defaults.betas()));
            Ratings ratings;
            if (format.equals("synthetic")) {
                ratings = SyntheticRatings.generate(options.getInt("users", 600), options.getInt("items", 400),
                        options.getInt("clusters", 6), seed);
            } else {
                String input = options.get("input", null);
                if (input == null) {
                    throw new IllegalArgumentException("--input PATH is required for --format " + format);
                }
                ratings = RatingsReader.read(RatingsReader.Format.parse(format), Path.of(input));
            }
            Report report = run(ratings, protocol, seed, models, grids, err);
            out.print(report.table());
            String json = options.get("json", null);
            if (json != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(json).toFile(), report.json());
                err.println("wrote " + json);
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("eval-recs: " + e.getMessage());
            return 2;
        }
    }

    static Report run(Ratings ratings, Protocol protocol, long seed, List<String> models, Grids grids, PrintStream log) {
        Interactions data = protocol.prepare(ratings);
        if (data.users == 0 || data.items < 2) {
            throw new IllegalArgumentException(ratings.source() + ": nothing left to evaluate after the protocol's filter");
        }
        log.printf("%s: %d users, %d items, %d interactions under %s%n", ratings.source(), data.users, data.items,
                data.size(), protocol.cliName());
        Protocol.Plan plan = protocol.plan(data, seed);
        Diversity diversity = Diversity.of(data, plan.test().fit());
        List<ModelSearch.ModelResult> results = new ModelSearch(plan, protocol.metrics(), grids, diversity, log).run(models);
        return new Report(ratings.source(), protocol, seed, data.users, data.items, data.size(), diversity.basis(), results);
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static double[] doubles(String csv, double[] fallback) {
        if (csv == null) {
            return fallback;
        }
        try {
            return list(csv).stream().mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a list of numbers: " + csv);
        }
    }
}
