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
 * a few times here; if it still fails it is logged and passed over, so that the channel keeps running for the
 * requests behind it: consent-service sends a request again while this service has not answered it with a receipt.
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
                // Failing the stream would stop the channel. The failure's class only: its message may quote the user id.
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf("erasure %s failed after retries, left for consent-service to send again: %s",
                            request.erasureId(), failure.getClass().getName());
                    return null;
                })
                .replaceWithVoid();
    }
}
