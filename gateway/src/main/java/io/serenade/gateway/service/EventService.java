package io.serenade.gateway.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.util.List;

/**
 * Publishes accepted interactions, keyed by user id so one user's events stay in order on one partition.
 * Answers only when the broker has acknowledged every event of the batch.
 */
@ApplicationScoped
public class EventService {

    private final MutinyEmitter<Record<String, InteractionRecorded>> interactions;

    public EventService(@Channel(Topics.INTERACTIONS) MutinyEmitter<Record<String, InteractionRecorded>> interactions) {
        this.interactions = interactions;
    }

    public Uni<Integer> publish(List<InteractionRecorded> events) {
        List<Uni<Void>> sends = events.stream()
                .map(e -> interactions.send(Record.of(e.userId(), e)))
                .toList();
        return Uni.join().all(sends).andFailFast().map(List::size);
    }
}
