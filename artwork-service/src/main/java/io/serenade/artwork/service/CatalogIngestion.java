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

    /** A title a poster can show: it has an id and a name (the consumer parks any other; tombstones pass). */
    public static boolean complete(TitleUpserted t) {
        return t != null && t.titleId() != null && t.name() != null;
    }

    /**
     * Stores the batch's titles (all {@link #complete}). Within a batch the later event of a title wins: one SQL
     * statement may not update a row twice.
     */
    public Uni<Integer> apply(List<TitleUpserted> batch) {
        Map<String, TitleUpserted> latest = new LinkedHashMap<>();
        for (TitleUpserted t : batch) {
            latest.put(t.titleId(), t);
        }
        return titles.upsertAll(List.copyOf(latest.values()));
    }
}
