package io.serenade.ranking.messaging;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.ranking.service.InteractionIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the interactions topic into the online user state, one batch at a time. What cannot be applied is parked (the kit's DeadLetters). */
@ApplicationScoped
public class InteractionConsumer {

    private final InteractionIngestion ingestion;
    private final DeadLetters deadLetters;

    public InteractionConsumer(InteractionIngestion ingestion, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(ConsumerRecords<String, InteractionRecorded> records) {
        return deadLetters.apply(Topics.INTERACTIONS, records, r -> InteractionIngestion.complete(r.value()),
                batch -> ingestion.apply(DeadLetters.values(batch)));
    }
}
