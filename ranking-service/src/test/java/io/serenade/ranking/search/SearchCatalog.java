package io.serenade.ranking.search;

import io.serenade.events.MaturityRating;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.serenade.events.MaturityRating.ALL;
import static io.serenade.events.MaturityRating.EIGHTEEN_PLUS;
import static io.serenade.events.MaturityRating.SEVEN_PLUS;
import static io.serenade.events.MaturityRating.SIXTEEN_PLUS;
import static io.serenade.events.MaturityRating.THIRTEEN_PLUS;

/** A small hand-made catalog whose names and tags exercise typos, synonyms, stemming and near-ties. */
final class SearchCatalog {

    static final List<CatalogTitle> TITLES = List.of(
            title("t-galaxy-quest", "Galaxy Quest", l("sci-fi", "comedy"), l("space"), l("quirky"), THIRTEEN_PLUS),
            // One edit away from "galaxy": only a typo correction reaches it.
            title("t-galaxa", "Galaxa Rising", l("fantasy"), l("power"), l("epic"), THIRTEEN_PLUS),
            title("t-beyond-stars", "Beyond the Stars", l("sci-fi"), l("space"), l("epic"), THIRTEEN_PLUS),
            title("t-last-signal", "The Last Signal", l("sci-fi", "thriller"), l("survival"), l("tense"), SIXTEEN_PLUS),
            title("t-orbit", "Orbit Station", l("sci-fi", "drama"), l("space", "identity"), l("thoughtful"), THIRTEEN_PLUS),
            title("t-velvet-circuit", "Velvet Circuit", l("sci-fi", "crime"), l("identity"), l("dark"), SIXTEEN_PLUS),
            title("t-second-summer", "Second Summer", l("sci-fi", "romance"), l("time-travel", "love"), l("romantic"), THIRTEEN_PLUS),
            title("t-love-paris", "Love in Paris", l("romantic-comedy"), l("love"), l("romantic"), THIRTEEN_PLUS),
            title("t-wedding", "Wedding Season", l("romance", "comedy"), l("love", "family"), l("feel-good"), THIRTEEN_PLUS),
            // Same name shape, same field lengths: equal relevance for "dark", different genres.
            title("t-dark-harbor", "Dark Harbor", l("horror"), l("survival"), l("tense"), SIXTEEN_PLUS),
            title("t-dark-garden", "Dark Garden", l("comedy"), l("friendship"), l("quirky"), THIRTEEN_PLUS),
            title("t-haunted", "Haunted Night", l("horror"), l("revenge"), l("tense"), EIGHTEEN_PLUS),
            title("t-savage-tide", "Savage Tide", l("horror"), l("nature", "survival"), l("dark"), EIGHTEEN_PLUS),
            title("t-carnival", "Strange Carnival", l("fantasy", "horror"), l("identity"), l("quirky"), SIXTEEN_PLUS),
            title("t-little-monsters", "Little Monsters", l("horror", "comedy"), l("family"), l("quirky"), THIRTEEN_PLUS),
            title("t-horror-hotel", "Horror Hotel", l("comedy"), l("friendship"), l("light"), THIRTEEN_PLUS),
            title("t-laugh-track", "Laugh Track", l("comedy"), l("friendship"), l("light"), SEVEN_PLUS),
            title("t-paper-pals", "Paper Pals", l("animation"), l("friendship"), l("light"), ALL),
            title("t-frozen-kingdom", "Frozen Kingdom", l("animation", "family"), l("friendship"), l("feel-good"), ALL),
            title("t-planet-diaries", "Planet Diaries", l("documentary"), l("nature"), l("thoughtful"), ALL),
            title("t-comet-chasers", "Comet Chasers", l("documentary"), l("space"), l("thoughtful"), ALL),
            title("t-music-box", "Music Box", l("documentary"), l("music"), l("thoughtful"), ALL),
            title("t-amelie", "Amélie's Garden", l("drama", "romance"), l("love"), l("romantic"), THIRTEEN_PLUS),
            title("t-silent-witness", "The Silent Witness", l("crime", "thriller"), l("justice"), l("dark"), SIXTEEN_PLUS),
            title("t-midnight-heist", "Midnight Heist", l("crime", "action"), l("heist"), l("tense"), SIXTEEN_PLUS),
            title("t-iron-empire", "Iron Empire", l("action", "drama"), l("war", "power"), l("epic"), SIXTEEN_PLUS),
            title("t-neon-detective", "Neon Detective", l("crime", "mystery"), l("justice"), l("dark"), SIXTEEN_PLUS),
            title("t-quiet-river", "The Quiet River", l("drama"), l("family", "nature"), l("thoughtful"), SEVEN_PLUS),
            title("t-echo-canyon", "Echo Canyon", l("thriller"), l("survival"), l("tense"), SIXTEEN_PLUS),
            title("t-lost-letter", "The Lost Letter", l("romance", "drama"), l("love", "legacy"), l("romantic"), THIRTEEN_PLUS),
            title("t-wild-frontier", "Wild Frontier", l("adventure", "action"), l("survival"), l("epic"), THIRTEEN_PLUS),
            title("t-glass-tower", "Glass Tower", l("thriller", "drama"), l("power"), l("tense"), SIXTEEN_PLUS),
            title("t-golden-atlas", "Golden Atlas", l("adventure", "family"), l("legacy"), l("feel-good"), SEVEN_PLUS),
            title("t-hollow-archive", "Hollow Archive", l("mystery"), l("legacy"), l("dark"), THIRTEEN_PLUS),
            title("t-burning-republic", "Burning Republic", l("drama"), l("war", "justice"), l("dark"), SIXTEEN_PLUS),
            title("t-kids-club", "Sunny Side Club", l("family", "comedy"), l("friendship"), l("light"), ALL));

    private SearchCatalog() {
    }

    static CatalogSnapshot snapshot() {
        return CatalogSnapshot.of(TITLES);
    }

    static CatalogSearchIndex index() {
        return CatalogSearchIndex.build(TITLES);
    }

    static List<String> idsWithGenre(String genre) {
        return TITLES.stream().filter(t -> t.genres().contains(genre)).map(CatalogTitle::titleId).toList();
    }

    /** {@code n} generated titles with names made of a few repeated words, for build-time and load tests. */
    static List<CatalogTitle> generated(int n) {
        List<String> words = List.of("Silent", "Crimson", "Harbor", "Garden", "Signal", "Kingdom", "River", "Orbit",
                "Empire", "Station", "Horizon", "Letter", "Mirror", "Voyage", "Frontier", "Lantern", "Winter", "Comet");
        List<String> genres = List.of("action", "comedy", "drama", "horror", "sci-fi", "documentary", "romance");
        List<CatalogTitle> titles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = words.get(i % words.size()) + " " + words.get((i / words.size()) % words.size()) + " " + i;
            titles.add(title("g-" + i, name, l(genres.get(i % genres.size()), genres.get((i / 3) % genres.size())),
                    l("space", "family"), l("dark"), THIRTEEN_PLUS));
        }
        return titles;
    }

    private static CatalogTitle title(String id, String name, List<String> genres, List<String> themes,
                                      List<String> moods, MaturityRating rating) {
        return new CatalogTitle(id, name, genres, themes, moods, rating, 2020, Instant.parse("2026-01-01T00:00:00Z"), 1);
    }

    private static List<String> l(String... values) {
        return List.of(values);
    }
}
