package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.Purposes;
import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.consent.ConsentViewListener;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.consent.PurposeVerifier;
import io.serenade.kit.erasure.ErasureTally;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Acts on the consent view: as soon as a viewer's artwork-personalization is not granted (withdrawn, denied, unknown
 * or erased) their sticky choices and taste are deleted from Redis, and rewards stop being credited to them
 * (RewardIngestion reads the view). Their impressions (the propensity log's rows about them) go in the same
 * transaction as the view's change, so the log never holds a viewer's rows without their grant: the off-policy
 * evaluation gives up those rows, the learned sums (no user id) keep what they learned. An erasure (a tombstone, no
 * view left) leaves the rows to the erasure request, whose receipt counts them. Choices do not read the view: they carry the purposes in a signed token, so a
 * choice on a token minted just before the withdrawal may still write a sticky key; after the token's lifetime none
 * can, and the keys are deleted once more then. Deleting the impressions is the erasure request's work, whose receipt
 * counts what it deleted.
 */
@ApplicationScoped
public class ViewerConsent implements ConsentViewListener {

    private final ViewerState viewers;
    private final ConsentViewStore views;
    private final BanditRepository impressions;
    private final ErasureTally tally;
    private final Duration recheckAfter;

    static final String REDIS_KEYS = "redis:keys";

    public ViewerConsent(ViewerState viewers, ConsentViewStore views, BanditRepository impressions, ErasureTally tally,
                         PurposeVerifier tokens) {
        this.tally = tally;
        this.viewers = viewers;
        this.impressions = impressions;
        this.views = views;
        this.recheckAfter = tokens.tokenLifetime().plusSeconds(5);
    }

    /** In the view's transaction: the impressions of viewers whose view now lacks the purpose. */
    @Override
    public Uni<Void> applied(SqlConnection tx, Map<String, ConsentView> changed) {
        List<String> withdrawn = changed.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().permits(Purposes.ARTWORK_PERSONALIZATION))
                .map(Map.Entry::getKey).toList();
        return withdrawn.isEmpty() ? Uni.createFrom().voidItem() : impressions.deleteImpressionsOf(tx, withdrawn).replaceWithVoid();
    }

    /**
     * After the view committed: Redis being away must not hold up the view (RewardIngestion reads it, in PostgreSQL).
     * Each ended viewer's keys are deleted now and once more after the token lifetime; should both fail, the failure
     * is counted by the kit and the keys expire with their TTL.
     */
    @Override
    public Uni<Void> committed(Map<String, ConsentView> changed) {
        List<String> ended = changed.entrySet().stream()
                .filter(e -> e.getValue() == null || !e.getValue().permits(Purposes.ARTWORK_PERSONALIZATION))
                .map(Map.Entry::getKey).toList();
        ended.forEach(this::recheckLater);
        // A viewer without a view was erased (a tombstone): what goes now is counted for their erasure's receipt.
        return Multi.createFrom().iterable(ended)
                .onItem().transformToUniAndConcatenate(user -> viewers.forget(user).call(keys -> changed.get(user) == null
                        ? tally.add(user, REDIS_KEYS, keys.size()) : Uni.createFrom().voidItem()))
                .collect().last().replaceWithVoid();
    }

    private void recheckLater(String userId) {
        Uni.createFrom().voidItem().onItem().delayIt().by(recheckAfter)
                .chain(() -> views.find(userId))
                .chain(view -> view != null && view.permits(Purposes.ARTWORK_PERSONALIZATION)
                        ? Uni.createFrom().item(List.<String>of()) : viewers.forget(userId))
                .subscribe().with(deleted -> { },
                        e -> Log.warnf("deleting a viewer's state again after a withdrawal failed: %s", e.getClass().getName()));
    }
}
