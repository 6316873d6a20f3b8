package io.serenade.artwork.service;

import io.serenade.artwork.repository.TitleRepository;
import io.serenade.events.TitleUpserted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies catalog events to artwork-service's titles, idempotently: an event seen before changes nothing. */
@ApplicationScoped
public class CatalogIngestion {

    private final TitleRepository titles;

    public CatalogIngestion(TitleRepository titles) {
        this.titles = titles;
    }

    /**
     * Stores the batch's titles. Tombstones and unreadable records arrive as null and are skipped, as are titles
     * without a name (a poster could not show them). Within a batch the later event of a title wins: one SQL
     * statement may not update a row twice.
     */
    public Uni<Integer> apply(List<TitleUpserted> batch) {
        Map<String, TitleUpserted> latest = new LinkedHashMap<>();
        for (TitleUpserted t : batch) {
            if (t != null && t.titleId() != null && t.name() != null) {
                latest.put(t.titleId(), t);
            }
        }
        return titles.upsertAll(List.copyOf(latest.values()));
    }
}
