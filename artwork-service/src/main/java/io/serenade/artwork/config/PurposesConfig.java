package io.serenade.artwork.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How this service checks the purposes a request grants: the key the gateway signs {@link io.serenade.events.PurposeToken}s
 * with (shared through a Kubernetes Secret; in production from the environment variable
 * SERENADE_PURPOSES_SIGNING_KEY, never from application.properties) and how long a token lives.
 */
@ConfigMapping(prefix = "serenade.purposes")
public interface PurposesConfig {

    /** The shared HMAC key, at least 32 bytes. No default: a service without it must not start. */
    String signingKey();

    /** Must equal the gateway's; only verification uses it here (the expiry travels inside the token). */
    @WithDefault("30s")
    Duration tokenLifetime();
}
