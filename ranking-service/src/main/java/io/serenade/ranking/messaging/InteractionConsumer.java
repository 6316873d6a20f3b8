package io.serenade.ranking.messaging;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.ranking.service.InteractionIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Feeds the interactions topic into the online user state, one batch at a time. */
@ApplicationScoped
public class InteractionConsumer {

    private final InteractionIngestion ingestion;

    public InteractionConsumer(InteractionIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(List<InteractionRecorded> batch) {
        return ingestion.apply(batch).replaceWithVoid();
    }
}
