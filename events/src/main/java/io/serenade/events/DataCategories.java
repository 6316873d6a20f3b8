package io.serenade.events;

import java.util.List;

/**
 * The kinds of personal data Serenade holds, named alike in transparency, export, data-use records and
 * erasure receipts. docs/privacy.md maps each to its purposes, services and retention.
 */
public final class DataCategories {

    public static final String PROFILE = "profile";
    public static final String INTERACTION_HISTORY = "interaction-history";
    public static final String INFERRED_AFFINITIES = "inferred-affinities";
    public static final String ARTWORK_CONTEXT = "artwork-context";
    public static final String SEARCH_HISTORY = "search-history";
    public static final String CONSENTS = "consents";
    public static final String DATA_USE_LOG = "data-use-log";
    public static final String NOTIFICATION_DECISIONS = "notification-decisions";

    public static final List<String> ALL = List.of(PROFILE, INTERACTION_HISTORY, INFERRED_AFFINITIES, ARTWORK_CONTEXT,
            SEARCH_HISTORY, CONSENTS, DATA_USE_LOG, NOTIFICATION_DECISIONS);

    private DataCategories() {
    }
}
