package io.serenade.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Typed settings of consent-service. The purpose and category texts live here, not in code, so that the
 * privacy team can reword them with the policy version and without a release; {@code PurposeCatalogue}
 * refuses to start when one is missing.
 */
@ConfigMapping(prefix = "serenade.consent")
public interface ConsentConfig {

    /** The privacy policy version in force: recorded with every ledger row and shown in every view. */
    @WithDefault("2026-11")
    String policyVersion();

    /** Per purpose name (every one of {@code Purposes.ALL}): what it is for, what it may use, how long. */
    Map<String, Purpose> purposes();

    /** Per data category name (every one of {@code DataCategories.ALL}): how it is described to users. */
    Map<String, Category> categories();

    DataUse dataUse();

    Exports exports();

    Erasure erasure();

    interface Purpose {
        /** Plain language, shown to the user beside the switch. */
        String description();

        /** The data categories ({@code DataCategories}) this purpose may use. */
        List<String> categories();

        /** How long data kept for this purpose is kept; each holding service purges by it. */
        Duration retention();
    }

    interface Category {
        /** A short plain-language description of the kind of data. */
        String description();
    }

    interface DataUse {
        /** How long a data-use record is kept: the user can ask what was used for them within this window. */
        @WithDefault("365d")
        Duration retention();

        /** The default window of the data-use route when the caller gives none. */
        @WithDefault("30d")
        Duration defaultWindow();

        @WithDefault("1h")
        String purgeEvery();
    }

    interface Exports {
        /** An archive is a copy of everything: it is kept only long enough to be downloaded. */
        @WithDefault("7d")
        Duration keepFor();

        /**
         * A job still RUNNING after this long died with its instance (jobs run in memory); it is marked FAILED
         * so that the user can start another.
         */
        @WithDefault("5m")
        Duration staleAfter();

        @WithDefault("10m")
        String purgeEvery();
    }

    interface Erasure {
        /** How often missing receipts are looked for. */
        @WithDefault("2s")
        String retryEvery();

        /** A service that has not answered this long after the last request is asked again. */
        @WithDefault("3s")
        Duration retryAfter();

        /** Requests sent (the first included) before the erasure is reported FAILED with the missing services. */
        @WithDefault("5")
        int maxAttempts();

        /** A FAILED erasure is still asked for, this much more slowly, until every service has answered. */
        @WithDefault("1m")
        Duration failedRetryAfter();
    }
}
