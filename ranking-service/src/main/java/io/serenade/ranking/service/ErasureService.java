package io.serenade.ranking.service;

import io.quarkus.logging.Log;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.events.Topics;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.repository.ConsentViewRepository;
import io.serenade.ranking.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes everything ranking-service holds about a user and answers the erasure request with a receipt.
 * <p>
 * What it holds: its copy of the interactions, the ids of events the user had forgotten, and its consent view, all
 * in PostgreSQL, deleted in one transaction, which also records the erasure (erased_users, by the hash of the user
 * id) so that the user's interactions still in flight on the topic are not stored again. The user's events are also
 * taken back out of title popularity in Redis (as a forgotten event is), which is per title and holds no user id;
 * ranking keeps no per-user Redis key.
 * <p>
 * The serving model holds no per-user state either: its EASE and content weights are item-to-item, and a user's
 * personal scores are computed from their history as read from PostgreSQL on each request. Deleting the rows is
 * therefore what stops the model using the user's data, from the next request on. The receipt lists only the stores
 * that hold per-user data and were deleted from (PostgreSQL): it claims nothing for Redis or memory, which hold no
 * per-user state to check. The item-to-item weights of the model being served (and of one being trained at the
 * moment of erasure) were learned partly from the user's interactions and keep that
 * diffuse influence until the next training, which no longer reads them: they are deleted, and training reads only
 * users whose personalization is granted in the consent view, deleted here too.
 * <p>
 * Idempotent: a repeated request deletes what is there (usually nothing) and sends a receipt again.
 */
@ApplicationScoped
public class ErasureService {

    /** What one erasure deleted: counts per store, and the ids the receipt's digest is computed over. */
    public record Erased(Map<String, Long> perStore, List<String> deletedIds) {
    }

    private final UserDataRepository data;
    private final ConsentViewRepository consents;
    private final PopularityCounter popularity;
    private final MutinyEmitter<Record<String, ErasureReceipt>> receipts;

    public ErasureService(UserDataRepository data, ConsentViewRepository consents, PopularityCounter popularity,
                          @Channel(Topics.ERASURE_RECEIPTS) MutinyEmitter<Record<String, ErasureReceipt>> receipts) {
        this.data = data;
        this.consents = consents;
        this.popularity = popularity;
        this.receipts = receipts;
    }

    /** Erases the user's data, then publishes the receipt (key: user id); returns the receipt once sent. */
    public Uni<ErasureReceipt> handle(ErasureRequested request) {
        return erase(request.userId()).flatMap(erased -> {
            ErasureReceipt receipt = new ErasureReceipt(ErasureReceipt.VERSION, request.erasureId(), request.userId(),
                    Services.RANKING, erased.perStore(), Instant.now(), ErasureDigest.of(request.erasureId(), erased.deletedIds()));
            Log.infof("erasure %s: deleted %s", request.erasureId(), erased.perStore());
            return receipts.send(Record.of(request.userId(), receipt)).replaceWith(receipt);
        });
    }

    /**
     * Deletes the user's rows in one transaction. Popularity is taken back inside it, before the commit: should
     * Redis fail, nothing is deleted and the redelivered request tries again, instead of leaving the events counted.
     */
    public Uni<Erased> erase(String userId) {
        return data.pool().withTransaction(tx -> data.eraseInteractions(tx, userId)
                .flatMap(interactions -> data.eraseForgotten(tx, userId)
                        .flatMap(forgotten -> consents.delete(tx, userId)
                                // Recorded with the deletion, so no older event in flight is stored after it.
                                .call(() -> data.recordErased(tx, userId))
                                .call(() -> popularity.apply(interactions, -1))
                                .map(views -> erased(userId, interactions, forgotten, views)))));
    }

    private static Erased erased(String userId, List<HistoryEvent> interactions, List<UUID> forgotten, int views) {
        Map<String, Long> perStore = new LinkedHashMap<>();
        perStore.put("postgresql:interactions", (long) interactions.size());
        perStore.put("postgresql:forgotten_events", (long) forgotten.size());
        perStore.put("postgresql:consent_view", (long) views);
        List<String> ids = new ArrayList<>(interactions.size() + forgotten.size() + 1);
        interactions.forEach(e -> ids.add("interactions/" + e.eventId()));
        forgotten.forEach(id -> ids.add("forgotten_events/" + id));
        if (views > 0) {
            ids.add("consent_view/" + userId);
        }
        return new Erased(perStore, ids);
    }
}
