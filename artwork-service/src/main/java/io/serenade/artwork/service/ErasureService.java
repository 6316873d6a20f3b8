package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.config.PurposesConfig;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.artwork.repository.ConsentViewRepository;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes everything artwork-service holds about a viewer and answers the erasure request with a receipt: the
 * impressions logged for them and their consent view (PostgreSQL, one transaction), their sticky choices and taste
 * (Redis), and what is still in memory on the way to those stores (impressions queued for the log, plays waiting for
 * their impression).
 * <p>
 * The learned sums (variant_stats, linear_sums) stay: they add up every consenting viewer's impressions and rewards
 * per variant and per feature, hold no user id and no row of anyone's, and one viewer's part cannot be told apart
 * or taken out without the rows just deleted; what remains is an aggregate of the audience, not data about the user.
 * <p>
 * Another replica may still hold the viewer's impressions in its queue, or serve them a choice on a token minted
 * just before the erasure: a second sweep, once such a token has expired and the queues have been flushed, deletes
 * whatever was written since. Idempotent: a repeated request deletes what is there (usually nothing) and sends a
 * receipt again.
 */
@ApplicationScoped
public class ErasureService {

    /** What one erasure deleted: counts per store, and the ids the receipt's digest is computed over. */
    public record Erased(Map<String, Long> perStore, List<String> deletedIds) {

        boolean isEmpty() {
            return deletedIds.isEmpty();
        }
    }

    private final BanditRepository impressions;
    private final ConsentViewRepository consents;
    private final ViewerState viewers;
    private final ImpressionLog log;
    private final RewardIngestion rewards;
    private final MutinyEmitter<Record<String, ErasureReceipt>> receipts;
    private final Duration sweepDelay;

    public ErasureService(BanditRepository impressions, ConsentViewRepository consents, ViewerState viewers, ImpressionLog log,
                          RewardIngestion rewards, PurposesConfig purposes,
                          @Channel(Topics.ERASURE_RECEIPTS) MutinyEmitter<Record<String, ErasureReceipt>> receipts) {
        this.impressions = impressions;
        this.consents = consents;
        this.viewers = viewers;
        this.log = log;
        this.rewards = rewards;
        this.receipts = receipts;
        // A token outlives the gateway's decision by at most its lifetime; the queue is flushed every second or so.
        this.sweepDelay = purposes.tokenLifetime().plusSeconds(5);
    }

    /** Erases the viewer's data, publishes the receipt (key: user id), and schedules the second sweep. */
    public Uni<ErasureReceipt> handle(ErasureRequested request) {
        return erase(request.userId()).flatMap(erased -> {
            ErasureReceipt receipt = new ErasureReceipt(ErasureReceipt.VERSION, request.erasureId(), request.userId(),
                    Services.ARTWORK, erased.perStore(), Instant.now(), ErasureDigest.of(request.erasureId(), erased.deletedIds()));
            Log.infof("erasure %s: deleted %s", request.erasureId(), erased.perStore());
            return receipts.send(Record.of(request.userId(), receipt)).replaceWith(receipt);
        }).invoke(() -> sweepLater(request.userId(), request.erasureId().toString()));
    }

    /** Deletes everything of the viewer's, memory first, so that nothing queued is written after the delete. */
    public Uni<Erased> erase(String userId) {
        return Uni.createFrom().item(() -> Tuple2.of(log.dropQueued(userId), rewards.dropPending(userId)))
                .flatMap(memory -> impressions.pool().withTransaction(tx -> impressions.eraseImpressions(tx, userId)
                                .flatMap(rows -> consents.delete(tx, userId).map(views -> Tuple2.of(rows, views))))
                        .flatMap(pg -> viewers.forget(userId).map(keys ->
                                erased(userId, memory.getItem1(), memory.getItem2(), pg.getItem1(), pg.getItem2(), keys))));
    }

    /** The second sweep; {@code reference} names the erasure in the log (never the user). */
    public void sweepLater(String userId, String reference) {
        Uni.createFrom().voidItem().onItem().delayIt().by(sweepDelay)
                .chain(() -> erase(userId))
                .subscribe().with(
                        erased -> {
                            if (!erased.isEmpty()) {
                                Log.infof("erasure %s: the second sweep deleted %s", reference, erased.perStore());
                            }
                        },
                        e -> Log.warnf("erasure %s: the second sweep failed: %s", reference, e.toString()));
    }

    private static Erased erased(String userId, List<UUID> queued, List<UUID> pending, List<UUID> rows, int views,
                                 List<String> keys) {
        Map<String, Long> perStore = new LinkedHashMap<>();
        perStore.put("postgresql:impressions", (long) rows.size());
        perStore.put("postgresql:consent_view", (long) views);
        perStore.put("redis:keys", (long) keys.size());
        perStore.put("memory:user-state", (long) queued.size() + pending.size());
        List<String> ids = new ArrayList<>();
        rows.forEach(id -> ids.add("impressions/" + id));
        if (views > 0) {
            ids.add("consent_view/" + userId);
        }
        keys.forEach(k -> ids.add("redis/" + k));
        queued.forEach(id -> ids.add("memory/queued-impression/" + id));
        pending.forEach(id -> ids.add("memory/pending-reward/" + id));
        return new Erased(perStore, ids);
    }
}
