package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.config.PurposesConfig;
import io.serenade.artwork.model.ConsentView;
import io.serenade.artwork.repository.ConsentViewRepository;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Purposes;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps artwork-service's own view of consent in step with the consent topic, and acts on it: as soon as a viewer's
 * artwork-personalization is not granted (withdrawn or denied) their sticky choices and taste are deleted from Redis,
 * and rewards stop being credited to them (RewardIngestion reads the view). Choices do not read the view: they carry
 * the purposes in a signed token. A change applies only if newer than the stored one. A tombstone (the user's
 * erasure) drops the view and, as any end of consent does, the viewer's per-user keys; deleting the impressions is
 * the erasure request's work, whose receipt counts what it deleted (done here first, it would count nothing).
 * <p>
 * A change that cannot be read, or has no changedAt, may have been a withdrawal: it clears the user's grants and
 * deletes their per-viewer keys, as a withdrawal does (fail closed). The stored changedAt is kept, so the user's next
 * change applies and an older one replayed still does not.
 */
@ApplicationScoped
public class ConsentViewService {

    /** One record of the consent topic: the change, or null for a tombstone; unreadable when it could not be read. */
    public record Change(String userId, ConsentChanged consent, boolean unreadable) {

        public Change(String userId, ConsentChanged consent) {
            this(userId, consent, false);
        }

        public static Change unreadable(String userId) {
            return new Change(userId, null, true);
        }
    }

    private final ConsentViewRepository views;
    private final ViewerState viewers;
    private final Duration recheckAfter;

    public ConsentViewService(ConsentViewRepository views, ViewerState viewers, PurposesConfig purposes) {
        this.views = views;
        this.viewers = viewers;
        // A choice on a token minted just before the withdrawal may still write a sticky key; after the token's
        // lifetime none can, so the keys are deleted once more then.
        this.recheckAfter = purposes.tokenLifetime().plusSeconds(5);
    }

    /** Applies the changes in order (a user's changes share a partition and must not be reordered). */
    public Uni<Void> apply(List<Change> changes) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(Change change) {
        String userId = change.userId();
        if (userId == null) {
            return Uni.createFrom().voidItem();
        }
        if (change.unreadable()) {
            return clear(userId);
        }
        if (change.consent() == null) {
            return views.forget(userId)
                    .chain(() -> viewers.forget(userId).invoke(() -> recheckLater(userId)))
                    .replaceWithVoid();
        }
        ConsentChanged consent = change.consent();
        if (consent.changedAt() == null) {
            // Without its time a change cannot be ordered against the stored one, so its grants are not applied; but
            // it may be a withdrawal, so the grants stored are not kept either.
            Log.warn("a consent change without changedAt: the user's grants are cleared");
            return clear(userId);
        }
        List<String> granted = Purposes.ALL.stream().filter(consent::permits).toList();
        return views.apply(userId, granted, consent.changedAt(), Instant.now())
                .call(applied -> applied == null || applied.permits(Purposes.ARTWORK_PERSONALIZATION)
                        ? Uni.createFrom().voidItem()
                        : viewers.forget(userId).invoke(() -> recheckLater(userId)))
                .replaceWithVoid();
    }

    /** Ends the user's consent as a withdrawal does: no purpose granted in the view, their per-viewer keys deleted. */
    private Uni<Void> clear(String userId) {
        return views.clear(userId, Instant.now())
                .chain(() -> viewers.forget(userId).invoke(() -> recheckLater(userId)))
                .replaceWithVoid();
    }

    private void recheckLater(String userId) {
        Uni.createFrom().voidItem().onItem().delayIt().by(recheckAfter)
                .chain(() -> views.find(userId))
                .chain(view -> view != null && view.permits(Purposes.ARTWORK_PERSONALIZATION)
                        ? Uni.createFrom().item(List.<String>of()) : viewers.forget(userId))
                .subscribe().with(deleted -> { },
                        e -> Log.warnf("deleting a viewer's state again after a withdrawal failed: %s", e.toString()));
    }

    public Uni<ConsentView> find(String userId) {
        return views.find(userId);
    }
}
