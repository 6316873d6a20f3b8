package io.serenade.gateway.service;

import io.serenade.events.DataCategories;
import io.serenade.events.Purposes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one response used of a user's personal data: for which purposes, which categories, from which services.
 * A category is only ever recorded under a purpose that may use it (the map below, docs/privacy.md's):
 * anything else is dropped, so a record never claims a use the user did not consent to.
 */
public final class DataUse {

    /** The data categories each purpose may use. */
    static final Map<String, Set<String>> CATEGORIES_OF = Map.of(
            Purposes.PERSONALIZATION, Set.of(DataCategories.PROFILE, DataCategories.INTERACTION_HISTORY,
                    DataCategories.INFERRED_AFFINITIES),
            Purposes.ARTWORK_PERSONALIZATION, Set.of(DataCategories.ARTWORK_CONTEXT, DataCategories.INTERACTION_HISTORY),
            Purposes.SEARCH_HISTORY, Set.of(DataCategories.SEARCH_HISTORY),
            Purposes.EXPERIMENTATION, Set.of(DataCategories.INTERACTION_HISTORY, DataCategories.ARTWORK_CONTEXT),
            Purposes.NOTIFICATIONS, Set.of(DataCategories.PROFILE, DataCategories.NOTIFICATION_DECISIONS),
            Purposes.ASSISTANT_CONTEXT, Set.of(DataCategories.PROFILE, DataCategories.INFERRED_AFFINITIES,
                    DataCategories.INTERACTION_HISTORY));

    private final Set<String> purposes = new LinkedHashSet<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();

    /** Records that {@code services} used {@code categories} for {@code purpose}; categories the purpose may not use are dropped. */
    public DataUse add(String purpose, List<String> services, String... categories) {
        Set<String> allowed = CATEGORIES_OF.getOrDefault(purpose, Set.of());
        boolean any = false;
        for (String c : categories) {
            if (allowed.contains(c)) {
                this.categories.add(c);
                any = true;
            }
        }
        if (any) {
            this.purposes.add(purpose);
            this.services.addAll(services);
        }
        return this;
    }

    public boolean isEmpty() {
        return purposes.isEmpty();
    }

    /** In {@link Purposes#ALL} order, so equal uses give equal records. */
    public List<String> purposes() {
        return Purposes.ALL.stream().filter(purposes::contains).toList();
    }

    /** In {@link DataCategories#ALL} order. */
    public List<String> categories() {
        return DataCategories.ALL.stream().filter(categories::contains).toList();
    }

    public List<String> services() {
        return List.copyOf(services);
    }
}
