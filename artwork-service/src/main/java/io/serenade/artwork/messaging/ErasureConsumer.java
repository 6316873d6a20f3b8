package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.ErasureService;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;

/**
 * Erasure requests from consent-service. A request that fails (the database or Redis briefly away) is tried again
 * a few times here before the channel gives up; consent-service also retries services that did not answer.
 */
@ApplicationScoped
public class ErasureConsumer {

    private final ErasureService erasure;

    public ErasureConsumer(ErasureService erasure) {
        this.erasure = erasure;
    }

    @Incoming(Topics.ERASURE_REQUESTS)
    public Uni<Void> consume(ErasureRequested request) {
        if (request == null || request.erasureId() == null || request.userId() == null) {
            Log.warn("an unreadable or incomplete erasure request was skipped");
            return Uni.createFrom().voidItem();
        }
        return erasure.handle(request)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .replaceWithVoid();
    }
}
