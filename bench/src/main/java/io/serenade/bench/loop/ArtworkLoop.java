package io.serenade.bench.loop;

import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;
import io.serenade.bench.bandit.Ope;
import io.serenade.bench.loop.LoopReport.Shown;
import io.serenade.bench.loop.Viewers.Viewer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code artwork-loop} command: simulated viewers, whose taste in art depends on their viewing context, ask the
 * running artwork-service for pages and play what they like, through the same API and topic as real traffic; the
 * report shows whether the deployed policy learns online from those plays, then evaluates the service's own
 * propensity log of the run off-line. Writes loop.md, propensity-log.csv and ope/ope.md.
 */
public final class ArtworkLoop {

    static final String USAGE = """
            usage: serenade-bench artwork-loop [--pages 3000] [--window 300] [--rate 30] [--max-seconds 600]
                                               [--viewers 600] [--titles 20] [--page-size 10] [--seed 42] [--run ID]
                                               [--play-delay-ms 1000] [--artwork http://127.0.0.1:8084] [--consent http://127.0.0.1:8083]
                                               [--artwork-management http://127.0.0.1:9084] [--keycloak http://127.0.0.1:8180]
                                               [--kafka 127.0.0.1:9092] [--out bench/target/artwork-loop]""";

    /** After the loop, time for the last plays to be consumed and credited: the exported log's labels need them. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** Below this many logged rounds, a split into training and held-out parts says nothing worth a table. */
    private static final int MIN_OPE_ROUNDS = 20;

    /** The command's options, checked. */
    record Settings(int pages, int window, double rate, int maxSeconds, int viewers, int titles, int pageSize, long seed,
                    String run, Duration playDelay, String artwork, String artworkManagement, String consent, String kafka,
                    String keycloak, Path out) {

        static Settings parse(String[] args) {
            Options o = Options.parse(args);
            Settings s = new Settings(o.getInt("pages", 3000), o.getInt("window", 300),
                    Double.parseDouble(o.get("rate", "30")), o.getInt("max-seconds", 600), o.getInt("viewers", 600),
                    o.getInt("titles", 20), o.getInt("page-size", 10), Long.parseLong(o.get("seed", "42")),
                    o.get("run", Long.toString(Instant.now().getEpochSecond(), 36)),
                    Duration.ofMillis(o.getInt("play-delay-ms", 1000)), o.get("artwork", "http://127.0.0.1:8084"),
                    o.get("artwork-management", "http://127.0.0.1:9084"), o.get("consent", "http://127.0.0.1:8083"),
                    o.get("kafka", "127.0.0.1:9092"), o.get("keycloak", "http://127.0.0.1:8180"), Path.of(o.get("out", "bench/target/artwork-loop")));
            if (s.pages < 1 || s.window < 1 || s.rate <= 0 || s.maxSeconds < 1 || s.viewers < 1) {
                throw new IllegalArgumentException("--pages, --window, --rate, --max-seconds and --viewers must be positive");
            }
            if (s.playDelay.isNegative()) {
                throw new IllegalArgumentException("--play-delay-ms must not be negative");
            }
            if (s.pageSize < 1 || s.pageSize > s.titles) {
                throw new IllegalArgumentException("--page-size must be between 1 and --titles (" + s.titles + ")");
            }
            // Viewer ids are loop-<run>-u-<k>, and the service accepts ids of at most 64 letters, digits, - and _.
            if (!s.run.matches("[A-Za-z0-9]{1,16}")) {
                throw new IllegalArgumentException("--run must be 1 to 16 letters or digits");
            }
            return s;
        }
    }

    private ArtworkLoop() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("artwork-loop: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        run(settings);
    }

    private static void run(Settings s) throws Exception {
        Keycloak identities = new Keycloak(Options.parse(new String[]{"--keycloak", s.keycloak()}));
        ArtworkClient artwork = new ArtworkClient(s.artwork(), s.artworkManagement(),
                identities.serviceIdentity(Keycloak.GATEWAY_IDENTITY), identities.serviceIdentity(Keycloak.OPERATOR_IDENTITY));
        if (!artwork.ready()) {
            throw new IllegalStateException("artwork-service at " + s.artwork() + " is not ready (start the suite: ./serenade up)");
        }
        LoopCatalog catalog = new LoopCatalog(s.titles());
        catalog.variants().forEach(artwork::putVariant);
        Viewers viewers = new Viewers(s.run(), s.viewers(), s.seed());
        // artwork-service credits plays only to viewers whose consent it has seen: they grant it first.
        viewers.all().forEach(v -> artwork.grant(s.consent(), v.id()));
        // A stream of its own for viewers, pages and plays, distinct from the segment assignment's.
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(s.seed() + 1);
        LoopReport report = new LoopReport(s.window());
        Set<String> policies = new TreeSet<>();
        OptionalDouble creditedBefore = artwork.creditedRewards();

        System.err.printf(Locale.ROOT, "artwork-loop: run %s, %d viewers, %d titles, up to %,d pages at %.0f/s%n",
                s.run(), s.viewers(), s.titles(), s.pages(), s.rate());
        Instant from = Instant.now();
        long start = System.nanoTime();
        long deadline = start + s.maxSeconds() * 1_000_000_000L;
        PlayPublisher publisher = new PlayPublisher(s.kafka(), s.playDelay());
        try {
            while (report.pages() < s.pages() && System.nanoTime() < deadline) {
                long due = start + (long) (report.pages() * 1e9 / s.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Viewer viewer = viewers.pick(random);
                List<String> titles = ListSampler.sample(random, catalog.titleIds(), s.pageSize());
                List<Shown> shown = new ArrayList<>(titles.size());
                for (ArtworkClient.Choice c : artwork.choose(viewer, titles)) {
                    String tag = catalog.tagOf(c.artworkId());
                    if (tag == null) {
                        throw new IllegalStateException("the service showed artwork " + c.artworkId() + " for " + c.titleId()
                                + ", which the loop did not put: disable other variants of loop titles");
                    }
                    boolean played = random.nextDouble() < viewer.segment().playRate(tag);
                    if (played) {
                        publisher.play(viewer.id(), c);
                    }
                    shown.add(new Shown(viewer.segment(), tag, c.why(), played));
                    policies.add(c.policy());
                }
                report.page(shown);
                if (report.pages() % s.window() == 0) {
                    LoopReport.Window w = report.windows().get(report.windows().size() - 1);
                    System.err.printf(Locale.ROOT, "artwork-loop: pages %,d–%,d: play rate %.2f%%, preferred art %.2f%%%n",
                            w.firstPage(), w.lastPage(), 100 * w.playRate(), 100 * w.preferredShare());
                }
            }
        } finally {
            publisher.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(SETTLE.toMillis());
        OptionalDouble creditedAfter = artwork.creditedRewards();
        Instant to = Instant.now();

        String md = "# The artwork bandit in a closed loop\n\n"
                + header(s, viewers, report, seconds, policies, publisher, creditedBefore, creditedAfter)
                + "\n" + report.markdown();
        System.out.print(md);
        Path dir = s.out();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("loop.md"), md);

        String log = LoopCatalog.ownRows(artwork.propensityLog(from, to));
        Path logFile = dir.resolve("propensity-log.csv");
        Files.writeString(logFile, log);
        long rounds = log.lines().count() - 1;
        String ope;
        if (rounds < MIN_OPE_ROUNDS) {
            ope = String.format(Locale.ROOT, "%n## Off-policy evaluation%n%nSkipped: the service's propensity log of the run "
                    + "holds %d drawn choices of loop titles, fewer than %d.%n", rounds, MIN_OPE_ROUNDS);
            System.out.print(ope);
        } else {
            Path opeDir = dir.resolve("ope");
            Ope.main(new String[] {"--format", "serenade", "--log", logFile.toString(), "--out", opeDir.toString()});
            // One level down: the evaluation is a section of this report.
            ope = "\n" + Files.readString(opeDir.resolve("ope.md")).replaceAll("(?m)^#", "##");
        }
        Files.writeString(dir.resolve("loop.md"), md + ope);
        System.err.println("wrote " + dir.resolve("loop.md") + " and " + logFile + " (" + rounds + " drawn choices)");
    }

    private static String header(Settings s, Viewers viewers, LoopReport report, double seconds, Set<String> policies,
                                 PlayPublisher publisher, OptionalDouble creditedBefore, OptionalDouble creditedAfter) {
        Map<Segment, Integer> sizes = new EnumMap<>(Segment.class);
        viewers.all().forEach(v -> sizes.merge(v.segment(), 1, Integer::sum));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run `%s`: %,d viewers, %d titles with one variant per tag (%s), pages of %d "
                        + "random titles; %,d pages in %.0f s (%.1f pages/s, seed %d). Policy: %s.%n%n", s.run(), s.viewers(),
                s.titles(), String.join(", ", LoopCatalog.TAGS), s.pageSize(), report.pages(), seconds,
                report.pages() / seconds, s.seed(), String.join(", ", policies)));
        md.append("| segment | viewers | context (device, local time, locale) | plays art tagged | otherwise |\n");
        md.append("|---|---:|---|---|---|\n");
        for (Segment seg : Segment.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s, %s, %s | %s: %.0f%% | %.0f%% |%n", seg.name(),
                    sizes.getOrDefault(seg, 0), seg.device(), seg.localTime(), seg.locale(), seg.preferredTag(),
                    100 * Segment.PREFERRED_RATE, 100 * Segment.OTHER_RATE));
        }
        md.append(String.format(Locale.ROOT, "%nPlays published %,d ms after their page: %,d acknowledged, %,d failed. ",
                s.playDelay().toMillis(), publisher.sent(), publisher.failed()));
        if (creditedBefore.isPresent() && creditedAfter.isPresent()) {
            md.append(String.format(Locale.ROOT, "Rewards the service credited meanwhile (its counter, all traffic): %,.0f.",
                    creditedAfter.getAsDouble() - creditedBefore.getAsDouble()));
        }
        return md.append('\n').toString();
    }
}
