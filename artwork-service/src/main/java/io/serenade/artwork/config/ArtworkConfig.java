package io.serenade.artwork.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Typed settings of artwork-service. */
@ConfigMapping(prefix = "serenade.artwork")
public interface ArtworkConfig {

    /**
     * The gateway's public image route. A variant without its own image URL is shown as
     * {@code <base>/<artworkId>.svg}, which the gateway serves from this service's generated poster.
     */
    @WithDefault("http://localhost:8080/api/v1/artwork")
    String publicImageBaseUrl();

    /** Prefix of every Redis key this service writes, so environments and tests sharing a Redis never mix. */
    @WithDefault("aw:")
    String redisKeyPrefix();

    /**
     * How often the in-memory variant snapshot is reloaded from PostgreSQL: the bound on how long another
     * replica's change takes to reach this one (a local change is applied at once). Read by the scheduler.
     */
    @WithDefault("5s")
    String snapshotRefresh();

    /** How often impression counts gathered in memory are written to Redis, in one batch. Read by the scheduler. */
    @WithDefault("1s")
    String impressionFlush();

    /**
     * How long a choice waits for the viewer's state in Redis before it serves the global image instead: Redis hung
     * (not refusing, just silent) must cost a page its personal images, never its answer.
     */
    @WithDefault("250ms")
    Duration redisTimeout();

    Bandit bandit();

    Reward reward();

    Stickiness stickiness();

    PropensityLog propensityLog();

    /** Which policy chooses, and how it learns. */
    interface Bandit {

        /** {@code linucb} (contextual), {@code thompson} (Beta-Bernoulli, non-contextual) or {@code uniform}. */
        @WithDefault("linucb")
        PolicyKind policy();

        /** The art tags the contextual policy learns from; changing the list starts a new contextual model. */
        @WithDefault("faces,ominous,romantic,action,minimal,bright,dark,text")
        List<String> tags();

        /** Monte-Carlo draws that estimate Thompson sampling's probabilities (its propensities). */
        @WithDefault("1000")
        int thompsonDraws();

        /** LinUCB's confidence width, in standard deviations. */
        @WithDefault("0.3")
        double alpha();

        /** The uniform share LinUCB mixes in, so its log can evaluate other policies off-line. */
        @WithDefault("0.05")
        double epsilon();

        /**
         * How many impressions the prior of a variant's play rate is worth. The prior is centred on the play rate
         * of all variants together, so untested art is expected to do as well as the average, not 50 %.
         */
        @WithDefault("20")
        double priorStrength();

        /** The ridge (prior precision) of the contextual model. */
        @WithDefault("1.0")
        double ridge();

        /** At most this share of impressions may show a variant other than the one believed best. */
        @WithDefault("0.2")
        double explorationCap();

        /** How often every replica reloads the learned state from PostgreSQL. Read by the scheduler. */
        @WithDefault("5s")
        String modelRefresh();
    }

    enum PolicyKind { LINUCB, THOMPSON, UNIFORM }

    /** How interactions become rewards. */
    interface Reward {

        /** A play or click counts only this long after its impression. */
        @WithDefault("4h")
        Duration window();

        /** The reward of a play, in [0, 1]. */
        @WithDefault("1.0")
        double playWeight();

        /**
         * A click without a play earns this, in [0, 1] (0 by default: an image that draws clicks but not plays is
         * clickbait).
         */
        @WithDefault("0.0")
        double clickWeight();

        /** A PLAY counts when it reports at least this many minutes watched (0: any play). */
        @WithDefault("0")
        double minPlayMinutes();
    }

    /**
     * No flicker: a viewer keeps the image they were shown for a title for the period; after each hold, it gives
     * way when another variant's expected reward beats it by more than the gain threshold.
     */
    interface Stickiness {

        @WithDefault("P7D")
        Duration period();

        /**
         * Within this time of the first showing, or of the last review by the gain rule, the image is kept whatever
         * the model learns meanwhile: an image drawn to explore is not taken back at the very next view (the gain
         * rule alone would, since an explored image is by definition not the best one), and a title's image is
         * reviewed at most once per hold. One web session by default.
         */
        @WithDefault("PT30M")
        Duration hold();

        /** After the hold, another variant must beat the shown one's expected reward by more than this. */
        @WithDefault("0.02")
        double gainThreshold();
    }

    /** The per-user log of choices (only with artwork-personalization consent). */
    interface PropensityLog {

        /** Impressions older than this are deleted. */
        @WithDefault("P90D")
        Duration retention();
    }
}
