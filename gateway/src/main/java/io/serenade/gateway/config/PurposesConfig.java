package io.serenade.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The key the gateway signs each request's granted purposes with, shared with every service that verifies
 * them. No default: production reads it from SERENADE_PURPOSES_SIGNING_KEY (a Secret), dev and test have
 * their own non-secret value in application.properties.
 */
@ConfigMapping(prefix = "serenade.purposes")
public interface PurposesConfig {

    String signingKey();

    /** Long enough for one request's fan-out and clock skew between pods, short enough not to be replayed. */
    @WithDefault("30s")
    Duration tokenLifetime();
}
