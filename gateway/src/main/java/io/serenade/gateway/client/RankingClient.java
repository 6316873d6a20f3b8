package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.api.RankingHome;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

import static io.serenade.gateway.client.Calls.guarded;

/**
 * The gateway's calls to ranking-service, each under the guard of its kind (Calls). Every call that may use
 * personal data for a purpose carries the user's granted purposes as a token signed for that user.
 */
@Startup // its guards are built now: a kind missing from configuration stops the gateway at start-up
@ApplicationScoped
public class RankingClient {

    private final RankingApi ranking;
    private final PurposeSigner signer;
    private final Guard page;
    private final Guard affinitiesRead;
    private final Guard catalogRead;
    private final Guard catalogWrite;

    public RankingClient(@RestClient RankingApi ranking, PurposeSigner signer, Calls calls) {
        this.ranking = ranking;
        this.signer = signer;
        this.page = calls.guard("ranking-page");
        this.affinitiesRead = calls.guard("ranking-affinities");
        this.catalogRead = calls.guard("ranking-catalog-read");
        this.catalogWrite = calls.guard("ranking-catalog-write");
    }

    public Uni<RankingHome> home(String userId, String maturity, List<String> genres, double diversity, GrantedPurposes purposes) {
        return guarded(page, () -> ranking.home(userId, maturity, genres, diversity, signer.sign(userId, purposes)));
    }

    public Uni<JsonNode> search(String userId, String query, String maturity, String device, int hour, int limit,
                                GrantedPurposes purposes) {
        return guarded(page, () -> ranking.search(userId, query, maturity, device, hour, limit, signer.sign(userId, purposes)));
    }

    public Uni<JsonNode> affinities(String userId, int limit, GrantedPurposes purposes) {
        return guarded(affinitiesRead, () -> ranking.affinities(userId, limit, signer.sign(userId, purposes)));
    }

    public Uni<JsonNode> titles(int page, int size) {
        return guarded(catalogRead, () -> ranking.titles(page, size));
    }

    public Uni<JsonNode> title(String titleId) {
        return guarded(catalogRead, () -> ranking.title(titleId));
    }

    public Uni<JsonNode> models() {
        return guarded(catalogRead, ranking::models);
    }

    public Uni<JsonNode> training() {
        return guarded(catalogRead, ranking::training);
    }

    public Uni<JsonNode> putTitle(String titleId, JsonNode body) {
        return guarded(catalogWrite, () -> ranking.putTitle(titleId, body));
    }

    /** Not retried (a write kind): a second start would find the first running and answer 409. */
    public Uni<JsonNode> startTraining() {
        return guarded(catalogWrite, ranking::startTraining);
    }
}
