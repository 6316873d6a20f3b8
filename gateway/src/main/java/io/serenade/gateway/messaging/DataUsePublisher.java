package io.serenade.gateway.messaging;

import io.serenade.events.DataUseRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes data-use records on the data-use topic, keyed by user id (consent-service stores them). */
@ApplicationScoped
public class DataUsePublisher {

    private final MutinyEmitter<Record<String, DataUseRecorded>> emitter;

    /** One record per personalized page: the buffer absorbs bursts of a home-page benchmark, as the interactions one does. */
    public DataUsePublisher(@Channel(Topics.DATA_USE) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                            MutinyEmitter<Record<String, DataUseRecorded>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record. */
    public Uni<Void> publish(DataUseRecorded record) {
        return emitter.send(Record.of(record.userId(), record));
    }
}
