package io.serenade.ranking.messaging;

import io.serenade.events.InteractionForgotten;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.ranking.service.InteractionIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Drops the events users asked to forget from ranking's copy of their history. What cannot be applied is parked (the kit's DeadLetters). */
@ApplicationScoped
public class ForgetConsumer {

    private final InteractionIngestion ingestion;
    private final DeadLetters deadLetters;

    public ForgetConsumer(InteractionIngestion ingestion, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.INTERACTIONS_FORGOTTEN)
    public Uni<Void> consume(ConsumerRecords<String, InteractionForgotten> records) {
        return deadLetters.apply(Topics.INTERACTIONS_FORGOTTEN, records, r -> InteractionIngestion.complete(r.value()),
                batch -> ingestion.forget(DeadLetters.values(batch)));
    }
}
