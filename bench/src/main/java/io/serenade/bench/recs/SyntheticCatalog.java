package io.serenade.bench.recs;

import io.serenade.bench.WeightedDraw;
import io.serenade.events.InteractionType;
import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.ModelBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A seeded catalog with tags and the positives of a user base, sized like the service's largest model, for the
 * scoring and training benchmarks. Titles fall into taste clusters that carry a genre and a theme; users take
 * most positives from one or two clusters, all with a Zipf-like popularity skew; every title then gets at
 * least {@code minSupport} users, so every title enters EASE and the model is truly titles × titles.
 */
public final class SyntheticCatalog {

    /** The service's training defaults (RankingConfig.Training), except the fixed seed. */
    public static final ModelBuilder.Params PARAMS = new ModelBuilder.Params(500, 2, 10_000, 0.02, 50, 1000, 1);
    /** Fixed, so the "new for you" window and the histories' ages are the same on every run. */
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static final int CLUSTERS = 40;
    static final List<String> GENRES = List.of("drama", "comedy", "thriller", "horror", "sci-fi", "fantasy",
            "romance", "crime", "documentary", "animation", "action", "adventure", "mystery", "family", "war",
            "western", "musical", "biography", "history", "sport");
    static final int THEMES = 40;
    static final List<String> MOODS = List.of("dark", "uplifting", "tense", "cozy", "funny", "romantic",
            "thoughtful", "exciting", "melancholic", "quirky", "epic", "gritty");
    /** Share of a user's titles drawn from their own clusters; the rest follow global popularity. */
    static final double IN_CLUSTER = 0.8;
    private static final MaturityRating[] RATINGS = {MaturityRating.ALL, MaturityRating.SEVEN_PLUS,
            MaturityRating.THIRTEEN_PLUS, MaturityRating.SIXTEEN_PLUS, MaturityRating.EIGHTEEN_PLUS};
    private static final double[] RATING_SHARE = {0.2, 0.2, 0.35, 0.15, 0.1};

    private final List<CatalogTitle> titles;
    private final int[] clusterOf;
    private final ModelBuilder.Positives positives;
    private final double[] globalCumulative;
    private final int[][] clusterMembers;
    private final double[][] clusterCumulative;

    private SyntheticCatalog(List<CatalogTitle> titles, int[] clusterOf, ModelBuilder.Positives positives,
                             double[] globalCumulative, int[][] clusterMembers, double[][] clusterCumulative) {
        this.titles = titles;
        this.clusterOf = clusterOf;
        this.positives = positives;
        this.globalCumulative = globalCumulative;
        this.clusterMembers = clusterMembers;
        this.clusterCumulative = clusterCumulative;
    }

    /**
     * {@code titleCount} titles and {@code users} users with 15..45 positives each (30 on average), every title
     * liked by at least {@code minSupport} users. Titles' popularity is their number of users.
     */
    public static SyntheticCatalog generate(int titleCount, int users, int minSupport, long seed) {
        if (titleCount < 2 * CLUSTERS || users < minSupport || minSupport < 0) {
            throw new IllegalArgumentException("need titles >= " + 2 * CLUSTERS + " and users >= minSupport >= 0");
        }
        Random random = new Random(seed);
        // Popularity: Zipf weights 1/(rank+1)^0.8 over a random permutation, so hits are spread over clusters.
        int[] rank = shuffled(titleCount, random);
        double[] weight = new double[titleCount];
        int[] clusterOf = new int[titleCount];
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < CLUSTERS; c++) {
            members.add(new ArrayList<>());
        }
        for (int t = 0; t < titleCount; t++) {
            weight[t] = 1.0 / Math.pow(rank[t] + 1, 0.8);
            clusterOf[t] = t % CLUSTERS;
            members.get(clusterOf[t]).add(t);
        }
        int[][] clusterMembers = new int[CLUSTERS][];
        double[][] clusterCumulative = new double[CLUSTERS][];
        for (int c = 0; c < CLUSTERS; c++) {
            clusterMembers[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
            clusterCumulative[c] = WeightedDraw.cumulative(clusterMembers[c], weight);
        }
        double[] globalCumulative = WeightedDraw.cumulative(identity(titleCount), weight);

        // Users: a primary cluster, half of them a secondary one.
        int[][] userClusters = new int[users][];
        List<List<Integer>> usersOfCluster = new ArrayList<>();
        for (int c = 0; c < CLUSTERS; c++) {
            usersOfCluster.add(new ArrayList<>());
        }
        Set<Long> pairs = new HashSet<>();
        List<Integer> pairUser = new ArrayList<>();
        List<Integer> pairTitle = new ArrayList<>();
        int[] support = new int[titleCount];
        for (int u = 0; u < users; u++) {
            int primary = u % CLUSTERS;
            userClusters[u] = random.nextBoolean() ? new int[] {primary} : new int[] {primary, random.nextInt(CLUSTERS)};
            for (int c : userClusters[u]) {
                usersOfCluster.get(c).add(u);
            }
            int length = 15 + random.nextInt(31);
            int taken = 0;
            for (int attempt = 0; taken < length && attempt < 20 * length; attempt++) {
                int t = draw(userClusters[u], clusterMembers, clusterCumulative, globalCumulative, random);
                if (pairs.add(pair(u, t))) {
                    pairUser.add(u);
                    pairTitle.add(t);
                    support[t]++;
                    taken++;
                }
            }
        }
        // The long tail: fans of the title's cluster (anyone, if the cluster has too few) top its support up.
        for (int t = 0; t < titleCount; t++) {
            List<Integer> fans = usersOfCluster.get(clusterOf[t]);
            while (support[t] < minSupport) {
                int u = fans.size() > 2 * minSupport ? fans.get(random.nextInt(fans.size())) : random.nextInt(users);
                if (pairs.add(pair(u, t))) {
                    pairUser.add(u);
                    pairTitle.add(t);
                    support[t]++;
                }
            }
        }

        List<CatalogTitle> titles = new ArrayList<>(titleCount);
        for (int t = 0; t < titleCount; t++) {
            titles.add(title(t, clusterOf[t], support[t], random));
        }
        ModelBuilder.Positives positives = new ModelBuilder.Positives(users,
                pairUser.stream().mapToInt(Integer::intValue).toArray(),
                pairTitle.stream().mapToInt(Integer::intValue).toArray(), pairUser.size());
        return new SyntheticCatalog(List.copyOf(titles), clusterOf, positives, globalCumulative, clusterMembers,
                clusterCumulative);
    }

    private static CatalogTitle title(int t, int cluster, int support, Random random) {
        Set<String> genres = new LinkedHashSet<>();
        genres.add(GENRES.get(cluster % GENRES.size()));
        for (int k = random.nextInt(3); k > 0; k--) {
            genres.add(GENRES.get(random.nextInt(GENRES.size())));
        }
        Set<String> themes = new LinkedHashSet<>();
        themes.add("theme-" + (cluster % THEMES));
        for (int k = random.nextInt(3); k > 0; k--) {
            themes.add("theme-" + random.nextInt(THEMES));
        }
        Set<String> moods = new LinkedHashSet<>();
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
            moods.add(MOODS.get(random.nextInt(MOODS.size())));
        }
        int rating = 0;
        double r = random.nextDouble() - RATING_SHARE[0];
        while (r > 0 && rating < RATINGS.length - 1) {
            r -= RATING_SHARE[++rating];
        }
        // 3% arrived within the last 120 days, so "New for you" has candidates.
        Instant available = random.nextDouble() < 0.03
                ? NOW.minus(Duration.ofDays(random.nextInt(120)))
                : NOW.minus(Duration.ofDays(150 + random.nextInt(3_000)));
        return new CatalogTitle(titleId(t), "Title " + t, List.copyOf(genres), List.copyOf(themes), List.copyOf(moods),
                RATINGS[rating], 1960 + random.nextInt(67), available, support);
    }

    static String titleId(int t) {
        return String.format("t-%05d", t);
    }

    public List<CatalogTitle> titles() {
        return titles;
    }

    public ModelBuilder.Positives positives() {
        return positives;
    }

    int clusterOf(int title) {
        return clusterOf[title];
    }

    public CatalogSnapshot snapshot() {
        return CatalogSnapshot.of(titles);
    }

    /**
     * A request-time history of {@code size} events on distinct titles (the worst case for scoring: one model
     * row per event), newest first, spread over the last year, drawn like a training user's positives. Mostly
     * plays and completions, some clicks, some ratings (a few low ones, which weigh negatively).
     */
    public List<HistoryEvent> history(int size, long seed) {
        if (size > titles.size()) {
            throw new IllegalArgumentException(size + " distinct titles asked from " + titles.size());
        }
        Random random = new Random(seed);
        int primary = random.nextInt(CLUSTERS);
        int[] clusters = {primary, (primary + 1 + random.nextInt(CLUSTERS - 1)) % CLUSTERS};
        Set<Integer> taken = new LinkedHashSet<>();
        for (int attempt = 0; taken.size() < size && attempt < 50 * size; attempt++) {
            taken.add(draw(clusters, clusterMembers, clusterCumulative, globalCumulative, random));
        }
        while (taken.size() < size) {
            taken.add(random.nextInt(titles.size()));
        }
        List<HistoryEvent> events = new ArrayList<>(size);
        long spacing = Duration.ofDays(365).toSeconds() / size;
        int k = 0;
        for (int t : taken) {
            double r = random.nextDouble();
            InteractionType type;
            Double value;
            if (r < 0.55) {
                type = InteractionType.PLAY;
                value = 5.0 + random.nextInt(120);
            } else if (r < 0.8) {
                type = InteractionType.COMPLETE;
                value = null;
            } else if (r < 0.9) {
                type = InteractionType.CLICK;
                value = null;
            } else {
                type = InteractionType.RATING;
                value = random.nextDouble() < 0.8 ? 4.0 + random.nextInt(2) : 1.0 + random.nextInt(2);
            }
            Instant at = NOW.minusSeconds(k * spacing + random.nextInt((int) Math.max(1, spacing)));
            events.add(new HistoryEvent(new UUID(seed, k), titleId(t), type, value, at, "tv", 20));
            k++;
        }
        return List.copyOf(events);
    }

    /** A title from the user's own clusters with probability {@link #IN_CLUSTER}, else from the whole catalog. */
    private static int draw(int[] clusters, int[][] members, double[][] memberCumulative, double[] globalCumulative,
                            Random random) {
        if (random.nextDouble() < IN_CLUSTER) {
            int c = clusters[clusters.length == 1 || random.nextDouble() < 0.7 ? 0 : 1];
            return members[c][WeightedDraw.draw(memberCumulative[c], random)];
        }
        return WeightedDraw.draw(globalCumulative, random);
    }

    private static long pair(int user, int title) {
        return (long) user << 32 | title;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
