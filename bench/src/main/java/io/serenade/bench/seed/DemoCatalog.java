package io.serenade.bench.seed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated catalog: the same seed always gives the same titles and artwork variants, so the demo and
 * the benchmarks run on identical data everywhere.
 */
public final class DemoCatalog {

    public static final List<String> GENRES = List.of("action", "adventure", "animation", "comedy", "crime",
            "documentary", "drama", "family", "fantasy", "horror", "mystery", "romance", "sci-fi", "thriller");
    static final List<String> THEMES = List.of("family", "friendship", "revenge", "survival", "coming-of-age", "heist",
            "space", "time-travel", "love", "power", "identity", "war", "nature", "music", "justice", "legacy");
    static final List<String> MOODS = List.of("dark", "light", "tense", "feel-good", "thoughtful", "romantic", "quirky", "epic");
    static final List<String> ART_TAGS = List.of("faces", "ominous", "romantic", "action", "minimal", "landscape", "bright", "group");
    private static final List<String> ADJECTIVES = List.of("Silent", "Crimson", "Last", "Hidden", "Broken", "Golden",
            "Endless", "Midnight", "Wild", "Frozen", "Burning", "Distant", "Electric", "Forgotten", "Hollow", "Iron",
            "Lonely", "Lost", "Neon", "Northern", "Quiet", "Restless", "Secret", "Shattered", "Sleeping", "Stolen",
            "Strange", "Sunken", "Velvet", "Wandering", "Bright", "Paper", "Glass", "Second", "Little", "Savage",
            "Gentle", "Final", "Infinite", "Scarlet");
    private static final List<String> NOUNS = List.of("Harbor", "Garden", "Signal", "Kingdom", "River", "Archive",
            "Orbit", "Empire", "Promise", "Station", "Horizon", "Letter", "Mirror", "Voyage", "Frontier", "Lantern",
            "Circuit", "Canyon", "Island", "Winter", "Summer", "Machine", "Detective", "Witness", "Orchestra",
            "Cartographer", "Heist", "Country", "Tide", "Comet", "Forest", "Tower", "Carnival", "Republic", "Verdict",
            "Dynasty", "Shelter", "Echo", "Atlas", "Compass");
    private static final String[] RATINGS = {"all", "7+", "13+", "16+", "18+"};
    private static final double[] RATING_SHARE = {0.20, 0.15, 0.30, 0.20, 0.15};
    /** A fixed origin, so availability dates do not move between runs. */
    private static final Instant ORIGIN = Instant.parse("2026-11-01T00:00:00Z");

    public record Title(String titleId, String name, List<String> genres, List<String> themes, List<String> moods,
                        String maturityRating, int releaseYear, Instant availableFrom) {
    }

    public record Variant(String titleId, String artworkId, List<String> tags, String dominantColour) {
    }

    private final List<Title> titles;
    private final List<Variant> variants;

    public DemoCatalog(int size, long seed) {
        Random rnd = new Random(seed);
        List<String> names = new ArrayList<>();
        for (String a : ADJECTIVES) {
            for (String n : NOUNS) {
                names.add("The " + a + " " + n);
                names.add(n + " of the " + a);
            }
        }
        Collections.shuffle(names, rnd);
        List<Title> t = new ArrayList<>(size);
        List<Variant> v = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = String.format("t-%05d", i + 1);
            String name = i < names.size() ? names.get(i) : names.get(i % names.size()) + " " + (i / names.size() + 1);
            Title title = new Title(id, name, pick(GENRES, 1 + rnd.nextInt(3), rnd), pick(THEMES, 1 + rnd.nextInt(3), rnd),
                    pick(MOODS, 1 + rnd.nextInt(2), rnd), rating(rnd), 1970 + rnd.nextInt(57),
                    ORIGIN.minus(rnd.nextInt(730), ChronoUnit.DAYS));
            t.add(title);
            int k = 2 + rnd.nextInt(3);
            for (int j = 1; j <= k; j++) {
                v.add(new Variant(id, id + "-a" + j, pick(ART_TAGS, 1 + rnd.nextInt(3), rnd),
                        String.format("#%06x", rnd.nextInt(0x1000000))));
            }
        }
        this.titles = List.copyOf(t);
        this.variants = List.copyOf(v);
    }

    public List<Title> titles() {
        return titles;
    }

    public List<Variant> variants() {
        return variants;
    }

    static List<String> pick(List<String> from, int n, Random rnd) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < n) {
            chosen.add(from.get(rnd.nextInt(from.size())));
        }
        return List.copyOf(chosen);
    }

    private static String rating(Random rnd) {
        double x = rnd.nextDouble();
        for (int i = 0; i < RATINGS.length; i++) {
            x -= RATING_SHARE[i];
            if (x < 0) {
                return RATINGS[i];
            }
        }
        return RATINGS[RATINGS.length - 1];
    }
}
