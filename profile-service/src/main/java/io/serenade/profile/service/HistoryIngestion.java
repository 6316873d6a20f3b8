package io.serenade.profile.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.profile.repository.InteractionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Applies interaction events to the history, idempotently: an event seen before changes nothing. */
@ApplicationScoped
public class HistoryIngestion {

    private final InteractionRepository interactions;

    public HistoryIngestion(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    /** Stores the batch of complete events, ignoring those already stored (by event id). */
    public Uni<Integer> apply(List<InteractionRecorded> batch) {
        return interactions.insertIgnoringDuplicates(batch);
    }

    /** An event history can hold: read, and with its id, user, type and time (the consumer parks any other). */
    public static boolean complete(InteractionRecorded e) {
        return e != null && e.eventId() != null && e.userId() != null && e.type() != null && e.occurredAt() != null;
    }
}
