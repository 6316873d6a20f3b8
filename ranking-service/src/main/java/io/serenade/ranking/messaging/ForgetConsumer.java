package io.serenade.ranking.messaging;

import io.serenade.events.InteractionForgotten;
import io.serenade.events.Topics;
import io.serenade.ranking.service.InteractionIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Drops the events users asked to forget from ranking's copy of their history. */
@ApplicationScoped
public class ForgetConsumer {

    private final InteractionIngestion ingestion;

    public ForgetConsumer(InteractionIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming(Topics.INTERACTIONS_FORGOTTEN)
    public Uni<Void> consume(List<InteractionForgotten> batch) {
        return ingestion.forget(batch).replaceWithVoid();
    }
}
