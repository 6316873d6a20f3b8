package io.serenade.events;

import java.util.List;

/** The purposes a user can consent to; names used in events, tokens and the consent API. */
public final class Purposes {

    public static final String PERSONALIZATION = "personalization";
    public static final String ARTWORK_PERSONALIZATION = "artwork-personalization";
    public static final String SEARCH_HISTORY = "search-history";
    public static final String EXPERIMENTATION = "experimentation";
    public static final String NOTIFICATIONS = "notifications";
    public static final String ASSISTANT_CONTEXT = "assistant-context";

    public static final List<String> ALL = List.of(PERSONALIZATION, ARTWORK_PERSONALIZATION, SEARCH_HISTORY,
            EXPERIMENTATION, NOTIFICATIONS, ASSISTANT_CONTEXT);

    private Purposes() {
    }
}
