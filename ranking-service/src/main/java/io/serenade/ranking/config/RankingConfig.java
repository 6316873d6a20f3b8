package io.serenade.ranking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of ranking-service. */
@ConfigMapping(prefix = "serenade.ranking")
public interface RankingConfig {

    /** Titles per home row. */
    @WithDefault("15")
    int rowSize();

    /** A row with fewer eligible titles than this is left out rather than shown half empty. */
    @WithDefault("5")
    int minRowSize();

    /** Prefix of every Redis key this service writes, so tests and instances of other suites never collide. */
    @WithDefault("rk:")
    String redisPrefix();

    /** How often the in-memory catalog snapshot picks up catalog changes and new popularity figures. */
    @WithDefault("5s")
    Duration snapshotRefresh();

    /** How fast popularity fades: an event counts half as much after this long. */
    @WithDefault("7d")
    Duration popularityHalfLife();

    /** How many of a user's most recent events a request personalizes from. */
    @WithDefault("500")
    int historyLimit();

    /** How fast a user's own events fade in their taste: half weight after this long. */
    @WithDefault("90d")
    Duration tasteHalfLife();

    /** How much of a page's score popularity adds to the personal score (0 = purely personal). */
    @WithDefault("0.05")
    double popularityPrior();

    /** "Because you watched" rows on one page. */
    @WithDefault("3")
    int becauseRows();

    /** Per-theme rows on one page. */
    @WithDefault("2")
    int themeRows();

    /** A title counts as new for this long after it became available. */
    @WithDefault("120d")
    Duration newFor();

    Training training();

    Retention retention();

    /** How long personal data is kept here before the scheduled purge deletes it (docs/privacy.md). */
    interface Retention {

        /** Interactions (plays, clicks, ratings, impressions) and the record of forgotten events. */
        @WithDefault("730d")
        Duration interactionHistory();

        /** SEARCH interactions: searches belong to the search history, kept for less time than the rest. */
        @WithDefault("180d")
        Duration searchHistory();

        /** How often the purge runs (a duration such as 1h, or "off"). Read by the scheduler in RetentionService. */
        @WithDefault("1h")
        String every();
    }

    /** Background training of the collaborative model. */
    interface Training {

        /**
         * How often a new model is trained (a duration such as 6h, or "off"); each run is versioned and swapped
         * in when it is ready. Read by the scheduler expression in ModelService.
         */
        @WithDefault("6h")
        String every();

        /** The first training starts this long after start-up, so a fresh instance soon serves personal rows. */
        @WithDefault("10s")
        String firstDelay();

        /** Interactions older than this are not trained on. */
        @WithDefault("365d")
        Duration window();

        /** EASE's L2 regularisation (λ); tuned offline with bench eval-recs. */
        @WithDefault("500")
        double lambda();

        /** Titles with fewer distinct users than this are left to the content model. */
        @WithDefault("2")
        int minUsersPerTitle();

        /** At most this many titles (the most watched) in the EASE model: memory grows with its square. */
        @WithDefault("10000")
        int maxTitles();

        /** Weight of genre/theme/mood similarity in the blend (cold start for new titles). */
        @WithDefault("0.02")
        double contentWeight();

        /** Neighbours kept per title by the content model. */
        @WithDefault("50")
        int contentNeighbours();

        /** Users sampled for the held-out evaluation recorded with each model version. */
        @WithDefault("1000")
        int evaluationUsers();
    }
}
