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
 */
@ApplicationScoped
public class ConsentViewService {

    /** One record of the consent topic: the change, or null for a tombstone. */
    public record Change(String userId, ConsentChanged consent) {
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
        if (change.consent() == null) {
            return views.forget(change.userId()).replaceWithVoid();
        }
        ConsentChanged consent = change.consent();
        if (consent.changedAt() == null) {
            // Without its time a change cannot be ordered against the stored one; applying it could undo a newer one.
            Log.warn("a consent change without changedAt was skipped");
            return Uni.createFrom().voidItem();
        }
        List<String> granted = Purposes.ALL.stream().filter(consent::permits).toList();
        return views.apply(change.userId(), granted, consent.changedAt(), Instant.now()).replaceWithVoid();
    }

    public Uni<ConsentView> find(String userId) {
        return views.find(userId);
    }
}
