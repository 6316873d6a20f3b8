package io.serenade.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Typed settings of the gateway. */
@ConfigMapping(prefix = "serenade.gateway")
public interface GatewayConfig {

    /** Put before every Redis key the gateway writes (rate limits, consent cache): tests use their own. */
    @WithDefault("gw:")
    String redisPrefix();

    /**
     * How long a request waits for Redis (its rate limit, its consent lookup) before it goes on without it: the
     * limit then lets it through, the lookup asks consent-service. A hung Redis must cost a request only this.
     */
    @WithDefault("250ms")
    Duration redisTimeout();

    Events events();

    RateLimit rateLimit();

    ConsentCache consentCache();

    DataUse dataUse();

    /**
     * Every call to a service, by kind (ranking-page, consent-read, ...): its timeout, retries and circuit breaker.
     * The clients (client/*Client) take their kinds at start-up: a kind missing here stops the gateway.
     */
    Map<String, Call> calls();

    /** What a circuit breaker does, for every kind that has one. */
    Breaker breaker();

    interface Call {
        Duration timeout();

        /** Attempts after the first, for reads only: a retried write could act twice. */
        @WithDefault("0")
        int retries();

        @WithDefault("50ms")
        Duration retryDelay();

        /** Whether the kind has a circuit breaker of its own, so that a failing service is not hammered. */
        @WithDefault("false")
        boolean breaker();
    }

    interface Breaker {
        /** Calls in the rolling window the failure ratio is judged on. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets one through to try. */
        @WithDefault("5s")
        Duration delay();
    }

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
    }

    /** The users' granted purposes, kept in Redis from the consent topic. */
    interface ConsentCache {
        /**
         * How long an entry lives without a newer change. The topic keeps entries current; the expiry only
         * bounds how long anything the cache holds can outlive its reason (a key filled from a REST read
         * that raced an erasure), after which the next request reads consent-service again.
         */
        @WithDefault("24h")
        Duration ttl();

        /**
         * How long the marker an erasure or tombstone leaves lives: longer than any consent-service read can
         * take (its timeout and one retry are a few seconds), short so the key naming the user goes soon.
         */
        @WithDefault("5m")
        Duration erasedTtl();
    }

    /** The data-use log: which personal data each personalized response used. */
    interface DataUse {
        /** The longest window GET /me/data-use accepts between from and to. */
        @WithDefault("366d")
        Duration maxWindow();
    }
}
