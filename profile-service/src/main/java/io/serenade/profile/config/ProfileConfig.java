package io.serenade.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/** Typed settings of profile-service. */
@ConfigMapping(prefix = "serenade.profile")
public interface ProfileConfig {

    /** Most history rows one page may return. */
    @WithDefault("200")
    int maxHistoryPage();

    /** The maturity rating of a profile nobody has edited yet. */
    @WithDefault("18+")
    String defaultMaturityRating();

    Retention retention();

    Notifications notifications();

    /** How long each category is kept (docs/privacy.md); older rows are purged by the retention job. */
    interface Retention {

        /** Plays, clicks, ratings and the other interactions, by when they happened. */
        @WithDefault("730d")
        Duration interactionHistory();

        /** SEARCH events that carry search text, by when they happened. */
        @WithDefault("180d")
        Duration searchHistory();

        /** Pacing decisions: long enough for weekly caps and for users to look back, no longer. */
        @WithDefault("90d")
        Duration notificationDecisions();

        /** How often the purge runs ("off" disables it, as the tests do); read by the scheduler expression. */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** Notification pacing defaults; a user's own settings override the caps and quiet hours. */
    interface Notifications {

        @WithDefault("1")
        int defaultPerDay();

        @WithDefault("3")
        int defaultPerWeek();

        @WithDefault("22:00")
        LocalTime defaultQuietStart();

        @WithDefault("08:00")
        LocalTime defaultQuietEnd();

        /** How long after an allowed notification of a kind another one of that kind is refused. */
        @WithDefault("24h")
        Duration defaultRepeatWindow();

        /** Per-kind repeat windows, e.g. {@code serenade.profile.notifications.repeat-windows.new-episode=6h}. */
        Map<String, Duration> repeatWindows();

        default Duration repeatWindow(String kind) {
            return repeatWindows().getOrDefault(kind, defaultRepeatWindow());
        }
    }
}
