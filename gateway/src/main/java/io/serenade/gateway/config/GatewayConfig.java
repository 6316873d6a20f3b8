package io.serenade.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Typed settings of the gateway. */
@ConfigMapping(prefix = "serenade.gateway")
public interface GatewayConfig {

    Events events();

    RateLimit rateLimit();

    /** Limits on what a client may post as interaction events. */
    interface Events {
        /** Largest accepted body of POST /me/events; larger is a 413 problem, read no further. */
        @WithDefault("65536")
        int maxBodyBytes();

        @WithDefault("500")
        int maxBatchSize();

        /** Clocks drift: an event may claim to be this far in the future, no further. */
        @WithDefault("5m")
        Duration maxFutureSkew();

        /** Older events are refused: history is not back-filled through the public API. */
        @WithDefault("365d")
        Duration maxAge();
    }

    /** Per-user request budget, counted in Redis so every gateway instance shares it. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests one user may make per window. */
        @WithDefault("1200")
        int requestsPerWindow();

        @WithDefault("60s")
        Duration window();

        @WithDefault("gw:")
        String redisPrefix();
    }
}
