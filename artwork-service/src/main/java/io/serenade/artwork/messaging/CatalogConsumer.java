package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.CatalogIngestion;
import io.serenade.events.TitleUpserted;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the compacted catalog topic into artwork-service's titles, one batch (one SQL statement) at a time. A
 * tombstone is passed over; a title it cannot store is parked (the kit's DeadLetters).
 */
@ApplicationScoped
public class CatalogConsumer {

    private final CatalogIngestion ingestion;
    private final DeadLetters deadLetters;

    public CatalogConsumer(CatalogIngestion ingestion, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.CATALOG)
    public Uni<Void> consume(ConsumerRecords<String, TitleUpserted> records) {
        return deadLetters.apply(Topics.CATALOG, records, r -> CatalogIngestion.complete(r.value()),
                batch -> ingestion.apply(DeadLetters.values(batch)).invoke(changed -> Log.debugf(
                        "catalog: %d of %d titles changed", changed.intValue(), (Object) batch.size())));
    }
}
