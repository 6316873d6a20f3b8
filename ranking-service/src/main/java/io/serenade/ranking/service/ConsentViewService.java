package io.serenade.ranking.service;

import io.quarkus.logging.Log;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Purposes;
import io.serenade.ranking.model.ConsentView;
import io.serenade.ranking.repository.ConsentViewRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Keeps ranking-service's own view of consent in step with the consent topic. Training reads it (only users whose
 * personalization is granted here are learned from); requests do not: they carry their purposes in a signed token.
 * A change applies only if newer than the stored one. A tombstone (the user's erasure) drops the view: no consent is
 * known, so none is assumed. Deleting the user's data is the erasure request's work, which answers with a receipt
 * counting what it deleted; done here first, that receipt would count nothing.
 * <p>
 * A change that cannot be read, or has no changedAt, may have been a withdrawal: it clears the user's grants (fail
 * closed) and keeps the stored changedAt, so the user's next change applies and an older one replayed still does not.
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

    public ConsentViewService(ConsentViewRepository views) {
        this.views = views;
    }

    /** Applies the changes in order (a user's changes share a partition and must not be reordered). */
    public Uni<Void> apply(List<Change> changes) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> apply(Change change) {
        if (change.userId() == null) {
            return Uni.createFrom().voidItem();
        }
        if (change.unreadable()) {
            return views.clear(change.userId(), Instant.now()).replaceWithVoid();
        }
        if (change.consent() == null) {
            return views.forget(change.userId()).replaceWithVoid();
        }
        ConsentChanged consent = change.consent();
        if (consent.changedAt() == null) {
            // Without its time a change cannot be ordered against the stored one, so its grants are not applied; but
            // it may be a withdrawal, so the grants stored are not kept either.
            Log.warn("a consent change without changedAt: the user's grants are cleared");
            return views.clear(change.userId(), Instant.now()).replaceWithVoid();
        }
        List<String> granted = Purposes.ALL.stream().filter(consent::permits).toList();
        return views.apply(change.userId(), granted, consent.changedAt(), Instant.now()).replaceWithVoid();
    }

    public Uni<ConsentView> find(String userId) {
        return views.find(userId);
    }
}
