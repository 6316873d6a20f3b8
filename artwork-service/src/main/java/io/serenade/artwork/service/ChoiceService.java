package io.serenade.artwork.service;

import io.serenade.artwork.api.ChoiceRequest;
import io.serenade.artwork.api.ChoiceResponse;
import io.serenade.artwork.api.ChoiceResponse.TitleChoice;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.Choice;
import io.serenade.artwork.policy.ChoiceContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses one variant per title for a user's page. On the home page's hot path: memory and CPU only (the
 * snapshot, the policy, in-memory impression totals); no I/O.
 */
@ApplicationScoped
public class ChoiceService {

    private final VariantSnapshot snapshot;
    private final ArtworkPolicy policy;
    private final ImpressionCounter impressions;

    public ChoiceService(VariantSnapshot snapshot, ArtworkPolicy policy, ImpressionCounter impressions) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.impressions = impressions;
    }

    /** One choice per title that has an enabled variant, in the request's order; other titles are left out. */
    public ChoiceResponse choose(ChoiceRequest request) {
        ChoiceContext context = toContext(request.context());
        List<TitleChoice> choices = new ArrayList<>(request.titleIds().size());
        for (String titleId : request.titleIds()) {
            VariantSnapshot.Candidates candidates = snapshot.candidates(titleId);
            if (candidates == null) {
                continue;
            }
            Choice choice = policy.choose(request.userId(), titleId, candidates.arms(), context);
            VariantView variant = candidates.variants().get(choice.index());
            choices.add(new TitleChoice(titleId, variant.artworkId(), variant.imageUrl(), impressionId(),
                    choice.propensity(), policy.name()));
        }
        impressions.record(choices);
        return new ChoiceResponse(choices);
    }

    private static ChoiceContext toContext(ChoiceRequest.Context c) {
        return c == null ? ChoiceContext.NONE : new ChoiceContext(c.device(), c.locale(),
                c.timeZone() == null ? null : c.timeZone().getId(), c.localTime());
    }

    /**
     * A random (version 4) UUID drawn from ThreadLocalRandom. UUID.randomUUID() takes a lock on one shared
     * SecureRandom, up to 100 times per request here; an impression id must be unique, not secret.
     */
    static String impressionId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
