package io.serenade.profile.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.profile.service.HistoryIngestion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Feeds the interactions topic into history, one batch (one SQL statement) at a time. */
@ApplicationScoped
public class InteractionConsumer {

    private final HistoryIngestion ingestion;

    public InteractionConsumer(HistoryIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(List<InteractionRecorded> batch) {
        return ingestion.apply(batch)
                .invoke(stored -> Log.debugf("history: %d of %d events new", stored.intValue(), (Object) batch.size()))
                .replaceWithVoid();
    }
}
