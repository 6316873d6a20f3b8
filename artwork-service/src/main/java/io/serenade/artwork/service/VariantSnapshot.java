package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.api.VariantView;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.mapping.ArtworkMapper;
import io.serenade.artwork.model.ArtworkVariant;
import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.repository.ArtworkVariantRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every title's enabled variants, in memory, so that choosing artwork for a page never waits on PostgreSQL.
 * Reloaded whole on a schedule (which brings other replicas' changes) and patched at once by local writes.
 */
@ApplicationScoped
public class VariantSnapshot {

    /** A title's enabled variants sorted by artwork id (the stable order policies rely on), and the same as arms. */
    public record Candidates(List<VariantView> variants, List<Arm> arms) {

        static Candidates of(List<VariantView> variants, FeatureSpace features) {
            List<VariantView> sorted = variants.stream().sorted(Comparator.comparing(VariantView::artworkId)).toList();
            return new Candidates(sorted, sorted.stream().map(v -> ArtworkMapper.toArm(v, features)).toList());
        }
    }

    private final ArtworkVariantRepository repository;
    private final ArtworkConfig config;
    private final FeatureSpace features;

    /** Readers take this reference without locking; a reload replaces it, a local write patches one title in it. */
    private volatile ConcurrentHashMap<String, Candidates> byTitle = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** Local writes made while a reload's query runs (its result may predate them); null when none runs. Guarded by this. */
    private List<VariantView> writtenDuringReload;

    public VariantSnapshot(ArtworkVariantRepository repository, ArtworkConfig config, FeatureSpace features) {
        this.repository = repository;
        this.config = config;
        this.features = features;
    }

    /** The title's enabled variants, or null when it has none. */
    public Candidates candidates(String titleId) {
        return byTitle.get(titleId);
    }

    /** Whether a reload has succeeded since start: before that, every title would look variant-less. */
    public boolean loaded() {
        return loaded;
    }

    /** Applies a variant this replica has just stored, so the next choice sees it without waiting for a reload. */
    public synchronized void apply(VariantView variant) {
        patch(byTitle, variant);
        if (writtenDuringReload != null) {
            writtenDuringReload.add(variant);
        }
    }

    /**
     * Reloads every enabled variant. The query runs on the event loop (the repository needs its session there);
     * rebuilding thousands of titles' candidates runs on a worker thread, so choices do not wait behind it.
     */
    @Scheduled(every = "${serenade.artwork.snapshot-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reload() {
        synchronized (this) {
            writtenDuringReload = new ArrayList<>();
        }
        return repository.listEnabled()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(this::install)
                .onFailure().invoke(e -> {
                    synchronized (this) {
                        writtenDuringReload = null;
                    }
                    Log.warnf("artwork snapshot reload failed, still serving the previous one: %s", e.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private synchronized void install(List<ArtworkVariant> enabled) {
        Map<String, List<VariantView>> grouped = new HashMap<>();
        for (ArtworkVariant v : enabled) {
            grouped.computeIfAbsent(v.titleId, t -> new ArrayList<>()).add(ArtworkMapper.toView(v, config.publicImageBaseUrl()));
        }
        ConcurrentHashMap<String, Candidates> fresh = new ConcurrentHashMap<>(Math.max(16, grouped.size() * 2));
        grouped.forEach((title, variants) -> fresh.put(title, Candidates.of(variants, features)));
        // Applying a write the query did see again changes nothing; one it did not see would otherwise vanish
        // until the next reload.
        writtenDuringReload.forEach(v -> patch(fresh, v));
        writtenDuringReload = null;
        byTitle = fresh;
        loaded = true;
    }

    private void patch(ConcurrentHashMap<String, Candidates> map, VariantView variant) {
        map.compute(variant.titleId(), (title, current) -> {
            List<VariantView> kept = new ArrayList<>();
            if (current != null) {
                current.variants().stream().filter(v -> !v.artworkId().equals(variant.artworkId())).forEach(kept::add);
            }
            if (variant.enabled()) {
                kept.add(variant);
            }
            return kept.isEmpty() ? null : Candidates.of(kept, features);
        });
    }
}
