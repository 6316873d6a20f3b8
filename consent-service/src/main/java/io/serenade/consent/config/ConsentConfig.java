package io.serenade.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of consent-service. */
@ConfigMapping(prefix = "serenade.consent")
public interface ConsentConfig {

    /** The privacy policy version in force: recorded with every ledger row and shown in every view. */
    @WithDefault("2026-11")
    String policyVersion();
}
