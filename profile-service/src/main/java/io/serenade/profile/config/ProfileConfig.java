package io.serenade.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of profile-service. */
@ConfigMapping(prefix = "serenade.profile")
public interface ProfileConfig {

    /** Most history rows one page may return. */
    @WithDefault("200")
    int maxHistoryPage();

    /** The maturity rating of a profile nobody has edited yet. */
    @WithDefault("18+")
    String defaultMaturityRating();
}
