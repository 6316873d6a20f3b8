package io.serenade.consent.messaging;

import io.quarkus.logging.Log;
import io.serenade.consent.service.DataUseService;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the data-use topic into the log, one batch (one SQL statement) at a time. A batch that fails while
 * PostgreSQL is away is retried until it is stored; a record the log can never hold is parked on the dead-letter
 * topic (the kit's DeadLetters) and the rest of its batch stored, rather than skip records a user may ask about.
 */
@ApplicationScoped
public class DataUseConsumer {

    private final DataUseService dataUse;
    private final DeadLetters deadLetters;

    public DataUseConsumer(DataUseService dataUse, DeadLetters deadLetters) {
        this.dataUse = dataUse;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.DATA_USE)
    public Uni<Void> consume(ConsumerRecords<String, DataUseRecorded> records) {
        return deadLetters.apply(Topics.DATA_USE, records, r -> DataUseService.complete(r.value()),
                batch -> dataUse.record(DeadLetters.values(batch)).invoke(stored -> Log.debugf(
                        "data use: %d of %d records new", stored.intValue(), (Object) batch.size())));
    }
}
