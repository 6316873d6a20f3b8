package io.serenade.artwork.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of artwork-service. */
@ConfigMapping(prefix = "serenade.artwork")
public interface ArtworkConfig {

    /**
     * The gateway's public image route. A variant without its own image URL is shown as
     * {@code <base>/<artworkId>.svg}, which the gateway serves from this service's generated poster.
     */
    @WithDefault("http://localhost:8080/api/v1/artwork")
    String publicImageBaseUrl();

    /** Prefix of every Redis key this service writes, so environments and tests sharing a Redis never mix counts. */
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
}
