package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.CatalogIngestion;
import io.serenade.events.TitleUpserted;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Feeds the compacted catalog topic into artwork-service's titles, one batch (one SQL statement) at a time. */
@ApplicationScoped
public class CatalogConsumer {

    private final CatalogIngestion ingestion;

    public CatalogConsumer(CatalogIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming(Topics.CATALOG)
    public Uni<Void> consume(List<TitleUpserted> batch) {
        return ingestion.apply(batch)
                .invoke(changed -> Log.debugf("catalog: %d of %d titles changed", changed.intValue(), (Object) batch.size()))
                .replaceWithVoid();
    }
}
