package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.api.ChoiceRequest;
import io.serenade.artwork.api.ChoiceResponse.TitleChoice;
import io.serenade.artwork.api.ChoiceResponse.Why;
import io.serenade.artwork.api.ChoiceResponse;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.LoggedImpression;
import io.serenade.artwork.policy.ArtworkPolicy;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.Decision;
import io.serenade.artwork.policy.Distribution;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinUcbPolicy;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.artwork.policy.ThompsonPolicy;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses one variant per title for a viewer's page. For a viewer who granted artwork-personalization: the
 * policy's distribution (capped exploration), kept sticky, drawn, explained and logged with its propensity. For
 * anyone else: the variant with the best global play rate, nothing read or written per viewer, only aggregate
 * counts. On the home page's hot path: memory, CPU, one pipelined Redis read and, when a title was drawn afresh
 * or its image reviewed after the hold, one pipelined write.
 */
@ApplicationScoped
public class ChoiceService {

    /** A requested title that has enabled variants. */
    private record Candidate(String titleId, VariantSnapshot.Candidates candidates) {
    }

    /** What stickiness makes of an earlier choice. */
    private enum Keep {
        /** Within its hold: shown again, whatever the model now says. */
        HELD,
        /** After its hold, the gain rule let it stay: shown again, and its hold starts anew. */
        CONFIRMED,
        /** Drawn afresh: none earlier, past the period, its variant gone, or another is clearly better. */
        REDRAW
    }

    /** Thompson sampling's estimated distribution for a title, valid while its variants and their stats are. */
    private record CachedDistribution(VariantSnapshot.Candidates candidates, double fingerprint, Distribution distribution) {
    }

    private static final ThreadLocal<UniformRandomProvider> RANDOM =
            ThreadLocal.withInitial(() -> RandomSource.XO_RO_SHI_RO_128_PP.create());

    private final VariantSnapshot snapshot;
    private final ArtworkPolicy policy;
    private final BanditState bandit;
    private final FeatureSpace features;
    private final ViewerState viewers;
    private final ImpressionLog log;
    private final ImpressionCounter impressions;
    private final ArtworkConfig config;
    private final ConcurrentHashMap<String, CachedDistribution> thompsonCache = new ConcurrentHashMap<>();

    public ChoiceService(VariantSnapshot snapshot, ArtworkPolicy policy, BanditState bandit, FeatureSpace features,
                         ViewerState viewers, ImpressionLog log, ImpressionCounter impressions, ArtworkConfig config) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.bandit = bandit;
        this.features = features;
        this.viewers = viewers;
        this.log = log;
        this.impressions = impressions;
        this.config = config;
    }

    /** One choice per title that has an enabled variant, in the request's order; other titles are left out. */
    public Uni<ChoiceResponse> choose(ChoiceRequest request, GrantedPurposes purposes) {
        List<Candidate> present = new ArrayList<>(request.titleIds().size());
        for (String titleId : request.titleIds()) {
            VariantSnapshot.Candidates candidates = snapshot.candidates(titleId);
            if (candidates != null) {
                present.add(new Candidate(titleId, candidates));
            }
        }
        if (present.isEmpty()) {
            return Uni.createFrom().item(new ChoiceResponse(List.of()));
        }
        if (!purposes.allows(Purposes.ARTWORK_PERSONALIZATION)) {
            return Uni.createFrom().item(counted(global(present, ChoiceReasons.PERSONALIZATION_OFF)));
        }
        List<String> titleIds = present.stream().map(Candidate::titleId).toList();
        return viewers.read(request.userId(), titleIds)
                .onFailure().recoverWithItem(e -> {
                    // Without the viewer's sticky choices a fresh draw would make images flicker: show the global
                    // best instead, and log nothing, until Redis is back.
                    Log.warnf("viewer state unavailable, serving global artwork: %s", e.toString());
                    return null;
                })
                .flatMap(read -> read == null ? Uni.createFrom().item(global(present, ChoiceReasons.POPULAR))
                        : personal(request, present, read))
                .map(this::counted);
    }

    private ChoiceResponse counted(ChoiceResponse response) {
        impressions.record(response.choices());
        return response;
    }

    /** The variant with the highest posterior mean play rate, for everyone; deterministic, so propensity 1. */
    private ChoiceResponse global(List<Candidate> present, Why why) {
        BanditState.Snapshot model = bandit.current();
        List<TitleChoice> choices = new ArrayList<>(present.size());
        for (Candidate c : present) {
            int best = Distribution.argmax(new Decision(c.candidates().arms(), null, model).means());
            VariantView v = c.candidates().variants().get(best);
            choices.add(new TitleChoice(c.titleId(), v.artworkId(), v.imageUrl(), null, 1.0, "global-best", why));
        }
        return new ChoiceResponse(choices);
    }

    /**
     * Answers once the choices are in the propensity log and fresh and re-confirmed choices are stored, so the
     * viewer's next page, however soon, reads them.
     */
    private Uni<ChoiceResponse> personal(ChoiceRequest request, List<Candidate> present, ViewerState.Read read) {
        BanditState.Snapshot model = bandit.current();
        ChoiceRequest.Context c = request.context();
        LocalTime localTime = localTime(c);
        SparseVector context = c == null ? features.context(read.taste(), null, null, null)
                : features.context(read.taste(), c.device(), localTime, c.locale());
        String contextJson = contextJson(c, localTime, context);
        Instant now = Instant.now();
        UniformRandomProvider random = RANDOM.get();
        List<TitleChoice> choices = new ArrayList<>(present.size());
        List<LoggedImpression> logged = new ArrayList<>(present.size());
        Map<String, ViewerState.Sticky> toStore = new HashMap<>();
        for (Candidate candidate : present) {
            VariantSnapshot.Candidates cands = candidate.candidates();
            Decision decision = new Decision(cands.arms(), context, model);
            Distribution d = distribution(candidate, decision, random).capExploration(config.bandit().explorationCap());
            ViewerState.Sticky earlier = read.sticky().get(candidate.titleId());
            int index = earlier == null ? -1 : indexOf(cands, earlier.artworkId());
            Keep keep = index < 0 ? Keep.REDRAW : keep(earlier, d, index, now);
            boolean sticky = keep != Keep.REDRAW;
            double propensity;
            Why why;
            if (sticky) {
                propensity = earlier.propensity();
                why = ChoiceReasons.STICKY;
                if (keep == Keep.CONFIRMED) {
                    toStore.put(candidate.titleId(), earlier.reviewed(now));
                }
            } else {
                index = d.sample(random.nextDouble());
                propensity = d.probability(index);
                why = index != d.greedy() ? ChoiceReasons.EXPLORING : explain(context, cands, index, model);
                toStore.put(candidate.titleId(), new ViewerState.Sticky(cands.arms().get(index).id(), now, propensity));
            }
            VariantView v = cands.variants().get(index);
            UUID impressionId = impressionId(random);
            choices.add(new TitleChoice(candidate.titleId(), v.artworkId(), v.imageUrl(), impressionId.toString(),
                    propensity, policy.name(), why));
            logged.add(new LoggedImpression(impressionId, request.userId(), candidate.titleId(), v.artworkId(),
                    policy.name(), propensity, sticky, cands.arms().stream().map(a -> a.id()).toList(), contextJson,
                    context, cands.arms().get(index).features().indices(), features.layout(),
                    model.stats(v.artworkId()).mean(), now));
        }
        // Answered only once the log holds every choice it shows (served = logged); a choice the log cannot take is
        // not shown: the global image goes out instead, with no impression id and nothing remembered for the viewer.
        ChoiceResponse response = new ChoiceResponse(choices);
        return log.write(logged).flatMap(written -> written
                ? viewers.remember(request.userId(), toStore).replaceWith(response)
                        // Logged, so shown: only the viewer's next page may draw again for want of the sticky state.
                        .onFailure().recoverWithItem(e -> {
                            Log.warnf("sticky choices not stored, serving the logged choices: %s", e.getClass().getName());
                            return response;
                        })
                : Uni.createFrom().item(global(present, ChoiceReasons.POPULAR)));
    }

    /**
     * Stickiness: the earlier image stays for the configured period. Within the hold since it was last reviewed it
     * stays whatever the model now says. After the hold the gain rule reviews it: it stays while the best variant's
     * expected reward beats it by no more than the threshold (beyond that the viewer gains enough to be worth the
     * change), and its hold starts again. So a title's image is reviewed at most once per hold, and pages seen
     * within a hold of each other show the same image unless a review fell between them.
     */
    private Keep keep(ViewerState.Sticky earlier, Distribution d, int index, Instant now) {
        ArtworkConfig.Stickiness s = config.stickiness();
        if (!earlier.shownAt().plus(s.period()).isAfter(now)) {
            return Keep.REDRAW;
        }
        if (earlier.reviewedAt().plus(s.hold()).isAfter(now)) {
            return Keep.HELD;
        }
        return d.expected()[d.greedy()] - d.expected()[index] <= s.gainThreshold() ? Keep.CONFIRMED : Keep.REDRAW;
    }

    private Why explain(SparseVector context, VariantSnapshot.Candidates cands, int index, BanditState.Snapshot model) {
        if (policy instanceof LinUcbPolicy linUcb) {
            return ChoiceReasons.personal(linUcb.strongestReason(model.linear(), context, cands.arms().get(index)), features);
        }
        return ChoiceReasons.POPULAR;
    }

    /**
     * Thompson sampling's Monte-Carlo estimate costs tens of microseconds per title, so it is kept per title until
     * the title's variants or their statistics change; other policies are cheap enough to compute every time.
     */
    private Distribution distribution(Candidate candidate, Decision decision, UniformRandomProvider random) {
        if (!(policy instanceof ThompsonPolicy)) {
            return policy.distribution(decision, random);
        }
        double fingerprint = 0;
        for (var arm : decision.arms()) {
            BetaStats s = decision.model().stats(arm.id());
            fingerprint = fingerprint * 31 + s.trials() + s.reward() * 1e-3;
        }
        CachedDistribution cached = thompsonCache.get(candidate.titleId());
        if (cached != null && cached.candidates() == candidate.candidates() && cached.fingerprint() == fingerprint) {
            return cached.distribution();
        }
        Distribution d = policy.distribution(decision, random);
        thompsonCache.put(candidate.titleId(), new CachedDistribution(candidate.candidates(), fingerprint, d));
        return d;
    }

    private static int indexOf(VariantSnapshot.Candidates candidates, String artworkId) {
        for (int i = 0; i < candidates.arms().size(); i++) {
            if (candidates.arms().get(i).id().equals(artworkId)) {
                return i;
            }
        }
        return -1;
    }

    /** The viewer's local time: as given, else now in their time zone, else unknown. */
    private static LocalTime localTime(ChoiceRequest.Context c) {
        if (c == null) {
            return null;
        }
        if (c.localTime() != null) {
            return c.localTime();
        }
        return c.timeZone() == null ? null : ZonedDateTime.now(c.timeZone()).toLocalTime();
    }

    private String contextJson(ChoiceRequest.Context c, LocalTime localTime, SparseVector context) {
        JsonObject json = new JsonObject();
        if (c != null) {
            json.put("device", c.device()).put("locale", c.locale())
                    .put("timeZone", c.timeZone() == null ? null : c.timeZone().getId());
        }
        json.put("daypart", localTime == null ? null : FeatureSpace.daypart(localTime));
        JsonObject named = new JsonObject();
        features.named(context).forEach(named::put);
        return json.put("features", named).encode();
    }

    /**
     * A random (version 4) UUID from the thread's generator. UUID.randomUUID() takes a lock on one shared
     * SecureRandom, up to 100 times per request here; an impression id must be unique, not secret.
     */
    static UUID impressionId(UniformRandomProvider random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
