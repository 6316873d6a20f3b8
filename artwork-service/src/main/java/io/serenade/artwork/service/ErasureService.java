package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.consent.PurposeVerifier;
import io.serenade.kit.erasure.ErasureTally;
import io.serenade.kit.erasure.UserErasure;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.smallrye.mutiny.tuples.Tuple3;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes everything artwork-service holds about a viewer (the privacy kit answers the request with the receipt): the
 * impressions logged for them and their consent view (PostgreSQL, one transaction), their sticky choices and taste
 * (Redis), and choices still waiting in memory for the log to write them (those are then served as global images).
 * <p>
 * The learned sums (variant_stats, linear_sums) stay: they add up every consenting viewer's impressions and rewards
 * per variant and per feature, hold no user id and no row of anyone's, and one viewer's part cannot be told apart
 * or taken out without the rows just deleted; what remains is an aggregate of the audience, not data about the user.
 * <p>
 * Another replica may still be writing the viewer's choices, or serve them a choice on a token minted just before
 * the erasure: a second sweep, once such a token has expired and those writes have ended, deletes
 * whatever was written since. Idempotent: a repeated request deletes what is there (usually nothing) and sends a
 * receipt again.
 */
@ApplicationScoped
public class ErasureService implements UserErasure {

    private final BanditRepository impressions;
    private final ConsentViewStore consents;
    private final ViewerState viewers;
    private final ImpressionLog log;
    private final ErasureTally tally;
    private final Duration sweepDelay;

    public ErasureService(BanditRepository impressions, ConsentViewStore consents, ViewerState viewers, ImpressionLog log,
                          ErasureTally tally, PurposeVerifier tokens) {
        this.tally = tally;
        this.impressions = impressions;
        this.consents = consents;
        this.viewers = viewers;
        this.log = log;
        // A token outlives the gateway's decision by at most its lifetime; a waiting choice is written or given up within seconds.
        this.sweepDelay = tokens.tokenLifetime().plusSeconds(5);
    }

    /** Erases the viewer's data now, and once more when no token minted before the erasure can still be used. */
    @Override
    public Uni<Erased> erase(String userId) {
        return eraseNow(userId).invoke(() -> sweepLater(userId));
    }

    /** Deletes everything of the viewer's, memory first, so that nothing queued is written after the delete. */
    public Uni<Erased> eraseNow(String userId) {
        return Uni.createFrom().item(() -> log.dropQueued(userId))
                .flatMap(queued -> impressions.pool().withTransaction(tx -> impressions.eraseImpressions(tx, userId)
                                .flatMap(rows -> consents.delete(tx, userId).map(views -> Tuple2.of(rows, views)))
                                // What the consent tombstone removed before this request came (view, sticky state).
                                .flatMap(pg -> tally.take(tx, userId).map(before -> Tuple3.of(pg.getItem1(), pg.getItem2(), before))))
                        .flatMap(pg -> viewers.forget(userId).map(keys ->
                                erased(userId, queued, pg.getItem1(), pg.getItem2(), keys, pg.getItem3()))));
    }

    /** The second sweep. */
    public void sweepLater(String userId) {
        Uni.createFrom().voidItem().onItem().delayIt().by(sweepDelay)
                .chain(() -> eraseNow(userId))
                .subscribe().with(
                        erased -> {
                            if (!erased.deletedIds().isEmpty()) {
                                Log.infof("erasure: the second sweep deleted %s", erased.perStore());
                            }
                        },
                        e -> Log.warnf("erasure: the second sweep failed: %s", e.getClass().getName()));
    }

    private static Erased erased(String userId, List<UUID> queued, List<UUID> rows, int views,
                                 List<String> keys, Map<String, Long> removedBefore) {
        Map<String, Long> perStore = new LinkedHashMap<>();
        perStore.put("postgresql:impressions", (long) rows.size());
        perStore.put("postgresql:consent_view", (long) views);
        perStore.put("redis:keys", (long) keys.size());
        perStore.put("memory:user-state", (long) queued.size());
        List<String> ids = new ArrayList<>();
        rows.forEach(id -> ids.add("impressions/" + id));
        if (views > 0) {
            ids.add("consent_view/" + userId);
        }
        keys.forEach(k -> ids.add("redis/" + k));
        queued.forEach(id -> ids.add("memory/queued-impression/" + id));
        removedBefore.keySet().forEach(store -> ids.add("tombstone/" + store));
        return new Erased(ErasureTally.plus(perStore, removedBefore), ids);
    }
}
