package io.serenade.profile.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.profile.service.HistoryIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the interactions topic into history, one batch (one SQL statement) at a time. The kit's dead-letter strategy
 * parks an event that is unreadable, incomplete or refused by PostgreSQL, and stores the rest of its batch.
 */
@ApplicationScoped
public class InteractionConsumer {

    private final HistoryIngestion ingestion;
    private final DeadLetters deadLetters;

    public InteractionConsumer(HistoryIngestion ingestion, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(ConsumerRecords<String, InteractionRecorded> records) {
        return deadLetters.apply(Topics.INTERACTIONS, records, r -> HistoryIngestion.complete(r.value()),
                batch -> ingestion.apply(batch.stream().map(ConsumerRecord::value).toList())
                        .invoke(stored -> Log.debugf("history: %d of %d events new", stored.intValue(), (Object) batch.size())));
    }
}
