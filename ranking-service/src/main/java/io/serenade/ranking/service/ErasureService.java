package io.serenade.ranking.service;

import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.kit.erasure.ErasureTally;
import io.serenade.kit.erasure.UserErasure;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes everything ranking-service holds about a user; the privacy kit answers the request with the receipt.
 * <p>
 * What it holds: its copy of the interactions, the ids of events the user had forgotten, and its consent view, all
 * in PostgreSQL, deleted in one transaction, which also records the erasure (erased_users, by the user's pseudonym,
 * see ErasedUsers) so that the user's interactions still in flight on the topic are not stored again. The user's events are also
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
public class ErasureService implements UserErasure {

    private final UserDataRepository data;
    private final ConsentViewStore consents;
    private final PopularityCounter popularity;
    private final ErasedUsers erased;
    private final ErasureTally tally;

    public ErasureService(UserDataRepository data, ConsentViewStore consents, PopularityCounter popularity, ErasedUsers erased,
                          ErasureTally tally) {
        this.data = data;
        this.tally = tally;
        this.erased = erased;
        this.consents = consents;
        this.popularity = popularity;
    }

    /**
     * Deletes the user's rows in one transaction. Popularity is taken back inside it, before the commit: should
     * Redis fail, nothing is deleted and the redelivered request tries again, instead of leaving the events counted.
     */
    @Override
    public Uni<Erased> erase(String userId) {
        return data.pool().withTransaction(tx -> data.eraseInteractions(tx, userId)
                .flatMap(interactions -> data.eraseForgotten(tx, userId)
                        .flatMap(forgotten -> consents.delete(tx, userId)
                                // Recorded with the deletion, so no older event in flight is stored after it.
                                .call(() -> erased.mark(tx, userId))
                                .call(() -> popularity.apply(interactions, -1))
                                // What the consent tombstone removed before this request came (the view): counted too.
                                .flatMap(views -> tally.take(tx, userId).map(removedBefore -> erased(userId, interactions,
                                        forgotten, views, removedBefore))))));
    }

    private static Erased erased(String userId, List<HistoryEvent> interactions, List<UUID> forgotten, int views,
                                 Map<String, Long> removedBefore) {
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
        removedBefore.keySet().forEach(store -> ids.add("tombstone/" + store));
        return new Erased(ErasureTally.plus(perStore, removedBefore), ids);
    }
}
