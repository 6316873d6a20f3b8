package io.serenade.gateway.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.Purposes;
import io.serenade.events.Topics;
import io.serenade.gateway.intake.EventIntake;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/**
 * Publishes accepted interactions, keyed by user id so one user's events stay in order on one partition.
 * Search text is personal data kept only under search-history: without it, a SEARCH is published without
 * its text, decided here so no service downstream ever receives it. Answers only when the broker has
 * acknowledged every event of the batch.
 */
@ApplicationScoped
public class EventService {

    private final MutinyEmitter<Record<String, InteractionRecorded>> interactions;
    private final ConsentLookup consents;

    /**
     * The buffer holds the events of concurrent batches until the producer takes them: 32 batches of 500.
     * Past it, the send fails and the client gets 503 with Retry-After (back-pressure), never a lost event.
     */
    public EventService(@Channel(Topics.INTERACTIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                        MutinyEmitter<Record<String, InteractionRecorded>> interactions, ConsentLookup consents) {
        this.interactions = interactions;
        this.consents = consents;
    }

    /** @param events one user's events, all valid */
    public Uni<Integer> record(String userId, List<InteractionRecorded> events) {
        if (!EventIntake.anySearchText(events)) {
            return publish(events); // nothing to decide: no consent lookup
        }
        return consents.granted(userId).flatMap(granted -> publish(granted.allows(Purposes.SEARCH_HISTORY)
                ? events : EventIntake.withoutSearchText(events)));
    }

    private Uni<Integer> publish(List<InteractionRecorded> events) {
        List<Uni<Void>> sends = events.stream()
                .map(e -> interactions.send(Record.of(e.userId(), e)))
                .toList();
        return Uni.join().all(sends).andFailFast().map(List::size)
                .onFailure(IllegalStateException.class).transform(e -> new Overloaded("interactions buffer full"));
    }
}
