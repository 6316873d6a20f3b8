package io.serenade.gateway.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Topics;
import io.serenade.gateway.service.GatewayErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes part in every erasure: deletes what the gateway holds about the user and answers with a receipt. A request
 * it could not complete is logged and left: consent-service re-sends a request that got no receipt.
 */
@ApplicationScoped
public class ErasureConsumer {

    private final GatewayErasure erasure;

    public ErasureConsumer(GatewayErasure erasure) {
        this.erasure = erasure;
    }

    @Incoming(Topics.ERASURE_REQUESTS)
    public Uni<Void> consume(ErasureRequested request) {
        if (request == null || request.erasureId() == null || request.userId() == null) {
            Log.warn("unreadable erasure request skipped");
            return Uni.createFrom().voidItem();
        }
        return erasure.erase(request)
                .onFailure().recoverWithItem(e -> {
                    Log.errorf("erasure %s not completed by the gateway (%s); consent-service will ask again",
                            request.erasureId(), e.getClass().getSimpleName());
                    return null;
                })
                .replaceWithVoid();
    }
}
