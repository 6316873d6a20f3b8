package io.serenade.profile.messaging;

import io.serenade.events.InteractionForgotten;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Tells every service that copied an event that its user asked to forget it. Keyed by user id. */
@ApplicationScoped
public class ForgetPublisher {

    private final MutinyEmitter<Record<String, InteractionForgotten>> emitter;

    public ForgetPublisher(@Channel(Topics.INTERACTIONS_FORGOTTEN) MutinyEmitter<Record<String, InteractionForgotten>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the event. */
    public Uni<Void> publish(InteractionForgotten event) {
        return emitter.send(Record.of(event.userId(), event));
    }
}
