package io.serenade.profile.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Topics;
import io.serenade.profile.service.ErasureService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers erasure requests. If an erasure still fails after the service's own retries, the request is left
 * unanswered (and the channel keeps going): consent-service retries services that have not sent a receipt.
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
            Log.warn("erasure: unreadable erasure request skipped");
            return Uni.createFrom().voidItem();
        }
        return erasure.erase(request)
                .onFailure().invoke(e -> Log.errorf("erasure %s failed; left for consent-service to retry: %s",
                        request.erasureId(), e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
