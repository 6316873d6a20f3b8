package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.ArtworkChoices;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

import static io.serenade.gateway.client.Calls.guarded;

/** The gateway's calls to artwork-service, each under the guard of its kind (Calls). */
@Startup // its guards are built now: a kind missing from configuration stops the gateway at start-up
@ApplicationScoped
public class ArtworkClient {

    private final ArtworkApi artwork;
    private final PurposeSigner signer;
    private final Guard choosing;
    private final Guard read;
    private final Guard write;

    public ArtworkClient(@RestClient ArtworkApi artwork, PurposeSigner signer, Calls calls) {
        this.artwork = artwork;
        this.signer = signer;
        this.choosing = calls.guard("artwork-choose");
        this.read = calls.guard("artwork-read");
        this.write = calls.guard("artwork-write");
    }

    /**
     * Without artwork a home page is still a home page: when artwork-service fails, times out or its breaker is
     * open, titles go out without a chosen image. Its refusal (4xx) is passed on: that is a bad request, not an outage.
     */
    public Uni<ArtworkChoices.Response> choose(ArtworkChoices.Request request, GrantedPurposes purposes) {
        return guarded(choosing, () -> artwork.choose(request, signer.sign(request.userId(), purposes)))
                .onFailure(failure -> !(failure instanceof DownstreamRejection)).recoverWithItem(failure -> {
                    Log.warnf("artwork-service unavailable (%s): home page served without chosen artwork",
                            failure.getClass().getSimpleName());
                    return new ArtworkChoices.Response(List.of());
                });
    }

    public Uni<JsonNode> variants(String titleId) {
        return guarded(read, () -> artwork.variants(titleId));
    }

    public Uni<JsonNode> putVariant(String titleId, String artworkId, JsonNode body) {
        return guarded(write, () -> artwork.putVariant(titleId, artworkId, body));
    }

    public Uni<String> poster(String artworkId) {
        return guarded(read, () -> artwork.poster(artworkId));
    }
}
