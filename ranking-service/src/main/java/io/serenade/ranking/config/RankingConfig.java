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
}
