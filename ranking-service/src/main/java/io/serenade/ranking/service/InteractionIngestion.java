package io.serenade.ranking.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies interaction events to the online state exactly once: the log insert tells which events are new,
 * and only those move the user's genre weights and the titles' popularity.
 */
@ApplicationScoped
public class InteractionIngestion {

    private final InteractionLogRepository log;
    private final OnlineState state;
    private final CatalogService catalog;

    public InteractionIngestion(InteractionLogRepository log, OnlineState state, CatalogService catalog) {
        this.log = log;
        this.state = state;
        this.catalog = catalog;
    }

    /** Returns how many events were new. Unreadable records (null after failed deserialization) are skipped. */
    public Uni<Integer> apply(List<InteractionRecorded> batch) {
        List<InteractionRecorded> readable = batch.stream()
                .filter(Objects::nonNull)
                .filter(e -> e.eventId() != null && e.userId() != null && e.type() != null && e.occurredAt() != null)
                .toList();
        // Were Redis to fail after the insert committed, the redelivered batch would no longer be new and the
        // state would miss it: the insert commits only after Redis took the increments. (The reverse failure,
        // Redis applied and the commit lost, re-applies a batch once: rare, and it only nudges weights.)
        return log.insertNew(readable, fresh -> state.apply(onlyNew(readable, fresh), catalog.snapshot()))
                .map(Set::size);
    }

    private static List<InteractionRecorded> onlyNew(List<InteractionRecorded> events, Set<UUID> fresh) {
        Set<UUID> pending = new java.util.HashSet<>(fresh);
        return events.stream().filter(e -> pending.remove(e.eventId())).toList();
    }
}
