package io.serenade.profile.messaging;

import io.serenade.events.DataUseRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Records a use of personal data on the data-use topic, for consent-service's log. Keyed by user id. */
@ApplicationScoped
public class DataUsePublisher {

    private final MutinyEmitter<Record<String, DataUseRecorded>> emitter;

    public DataUsePublisher(@Channel(Topics.DATA_USE) MutinyEmitter<Record<String, DataUseRecorded>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> publish(DataUseRecorded use) {
        return emitter.send(Record.of(use.userId(), use));
    }
}
