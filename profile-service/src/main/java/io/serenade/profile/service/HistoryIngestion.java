package io.serenade.profile.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.profile.repository.InteractionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

/** Applies interaction events to the history, idempotently: an event seen before changes nothing. */
@ApplicationScoped
public class HistoryIngestion {

    private final InteractionRepository interactions;

    public HistoryIngestion(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    /** Stores the batch; unreadable records (null after a failed deserialization) are skipped. */
    public Uni<Integer> apply(List<InteractionRecorded> batch) {
        List<InteractionRecorded> readable = batch.stream()
                .filter(Objects::nonNull)
                .filter(e -> e.eventId() != null && e.userId() != null && e.type() != null && e.occurredAt() != null)
                .toList();
        return interactions.insertIgnoringDuplicates(readable);
    }
}
