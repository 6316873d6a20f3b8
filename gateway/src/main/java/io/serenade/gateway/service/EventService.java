package io.serenade.gateway.service;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.List;

/**
 * Publishes accepted interactions, keyed by user id so one user's events stay in order on one partition.
 * Answers only when the broker has acknowledged every event of the batch.
 */
@ApplicationScoped
public class EventService {

    private final MutinyEmitter<Record<String, InteractionRecorded>> interactions;

    /**
     * The buffer holds the events of concurrent batches until the producer takes them: 32 batches of 500.
     * Past it, the send fails and the client gets 503 with Retry-After (back-pressure), never a lost event.
     */
    public EventService(@Channel(Topics.INTERACTIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                        MutinyEmitter<Record<String, InteractionRecorded>> interactions) {
        this.interactions = interactions;
    }

    public Uni<Integer> publish(List<InteractionRecorded> events) {
        List<Uni<Void>> sends = events.stream()
                .map(e -> interactions.send(Record.of(e.userId(), e)))
                .toList();
        return Uni.join().all(sends).andFailFast().map(List::size)
                .onFailure(IllegalStateException.class).transform(e -> new Overloaded("interactions buffer full"));
    }
}
