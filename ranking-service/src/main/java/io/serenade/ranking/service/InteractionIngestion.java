package io.serenade.ranking.service;

import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps ranking's copy of each user's history and the titles' popularity in step with the topics: new
 * events are logged and counted exactly once; forgotten events are deleted and their popularity taken back.
 */
@ApplicationScoped
public class InteractionIngestion {

    private final InteractionLogRepository log;
    private final PopularityCounter popularity;

    public InteractionIngestion(InteractionLogRepository log, PopularityCounter popularity) {
        this.log = log;
        this.popularity = popularity;
    }

    /** An event ranking can hold: read, with its id, user, type and time (the consumer parks any other). */
    public static boolean complete(InteractionRecorded e) {
        return e != null && e.eventId() != null && e.userId() != null && e.type() != null && e.occurredAt() != null;
    }

    /** A forget that names its event and user. */
    public static boolean complete(InteractionForgotten f) {
        return f != null && f.eventId() != null && f.userId() != null;
    }

    /** Returns how many events of the batch (all {@link #complete}) were new. */
    public Uni<Integer> apply(List<InteractionRecorded> readable) {
        // Were Redis to fail after the insert committed, the redelivered batch would no longer be new and
        // popularity would miss it: the insert commits only after Redis took the increments. (The reverse
        // failure, Redis applied and the commit lost, counts a batch twice: rare, and it only nudges popularity.)
        return log.insertNew(readable, fresh -> popularity.apply(onlyNew(readable, fresh), +1))
                .map(Set::size);
    }

    /** Returns how many events were deleted here (a forget may arrive for an event never seen here). */
    public Uni<Integer> forget(List<InteractionForgotten> readable) {
        return log.forget(readable, gone -> popularity.apply(gone, -1)).map(List::size);
    }

    private static List<HistoryEvent> onlyNew(List<InteractionRecorded> events, Set<UUID> fresh) {
        Set<UUID> pending = new HashSet<>(fresh);
        return events.stream().filter(e -> pending.remove(e.eventId())).map(InteractionIngestion::toHistory).toList();
    }

    static HistoryEvent toHistory(InteractionRecorded e) {
        LocalTime local = e.context() == null ? null : e.context().localTime();
        return new HistoryEvent(e.eventId(), e.titleId(), e.type(), e.value(), e.occurredAt(),
                e.context() == null ? null : e.context().device(), local == null ? null : local.getHour());
    }
}
