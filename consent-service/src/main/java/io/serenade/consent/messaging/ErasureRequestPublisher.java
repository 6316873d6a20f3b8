package io.serenade.consent.messaging;

import io.serenade.events.ErasureRequested;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Asks every service to erase a user, keyed by user id (so a user's requests stay in order on one partition). */
@ApplicationScoped
public class ErasureRequestPublisher {

    private final MutinyEmitter<Record<String, ErasureRequested>> emitter;

    public ErasureRequestPublisher(@Channel(Topics.ERASURE_REQUESTS) MutinyEmitter<Record<String, ErasureRequested>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged the request. */
    public Uni<Void> publish(ErasureRequested request) {
        return emitter.send(Record.of(request.userId(), request));
    }
}
