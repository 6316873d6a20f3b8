package io.serenade.consent.messaging;

import io.serenade.events.ConsentChanged;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes consent changes to the compacted consent topic, keyed by user id (the latest value is the state),
 * and the tombstone that ends a user's key when they are erased.
 */
@ApplicationScoped
public class ConsentPublisher {

    private final MutinyEmitter<Record<String, ConsentChanged>> emitter;

    public ConsentPublisher(@Channel(Topics.CONSENT_CHANGES) MutinyEmitter<Record<String, ConsentChanged>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged the event (acks=all), fails if it does not in time. */
    public Uni<Void> publish(ConsentChanged event) {
        return emitter.send(Record.of(event.userId(), event));
    }

    /**
     * A null value under the user's key: every consumer drops what it keeps for the user, and compaction removes
     * the key's earlier values, which hold the user id. Completes once the broker has acknowledged it.
     */
    public Uni<Void> tombstone(String userId) {
        return emitter.send(Record.of(userId, null));
    }
}
