package io.serenade.consent.messaging;

import io.quarkus.logging.Log;
import io.serenade.consent.service.DataUseService;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;

/**
 * Feeds the data-use topic into the log, one batch (one SQL statement) at a time. A batch that cannot be stored
 * after a few tries fails the channel: the health check reports it and the service restarts from the last
 * committed offset, rather than skip records a user may ask about.
 */
@ApplicationScoped
public class DataUseConsumer {

    private final DataUseService dataUse;

    public DataUseConsumer(DataUseService dataUse) {
        this.dataUse = dataUse;
    }

    @Incoming(Topics.DATA_USE)
    public Uni<Void> consume(List<DataUseRecorded> batch) {
        return dataUse.record(batch)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .invoke(stored -> Log.debugf("data use: %d of %d records new", stored.intValue(), (Object) batch.size()))
                .replaceWithVoid();
    }
}
