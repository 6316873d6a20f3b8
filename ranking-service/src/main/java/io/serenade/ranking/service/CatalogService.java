package io.serenade.ranking.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.events.TitleUpserted;
import io.serenade.events.Topics;
import io.serenade.ranking.api.TitleUpsert;
import io.serenade.ranking.mapping.TitleMapper;
import io.serenade.ranking.model.Title;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.repository.TitleRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The catalog: writes go to PostgreSQL and out on the catalog topic; reads are served from an immutable
 * in-memory snapshot, rebuilt in the background (titles when the catalog changed, popularity every refresh)
 * and swapped in whole, so a home page never waits on the database.
 */
@ApplicationScoped
public class CatalogService {

    private final TitleRepository titles;
    private final PopularityCounter popularity;
    private final MutinyEmitter<Record<String, TitleUpserted>> catalogTopic;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile CatalogSnapshot snapshot = CatalogSnapshot.empty();
    private volatile Instant loadedChange = Instant.MIN;

    public CatalogService(TitleRepository titles, PopularityCounter popularity,
                          @Channel(Topics.CATALOG) MutinyEmitter<Record<String, TitleUpserted>> catalogTopic) {
        this.titles = titles;
        this.popularity = popularity;
        this.catalogTopic = catalogTopic;
    }

    public CatalogSnapshot snapshot() {
        return snapshot;
    }

    /** When the catalog last changed as loaded here: equal values mean the same titles. */
    public Instant titlesVersion() {
        return loadedChange;
    }

    /** True once a snapshot has been loaded from the database (readiness waits for it). */
    public boolean loaded() {
        return loadedChange != Instant.MIN;
    }

    @Scheduled(every = "${serenade.ranking.snapshot-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(e -> Log.warn("catalog refresh failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Reloads titles if the catalog changed since the last load, then popularity; returns the title count. */
    public Uni<Integer> refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return Uni.createFrom().item(snapshot.size());
        }
        return titles.lastChange()
                .flatMap(change -> {
                    Instant current = change == null ? Instant.EPOCH : change;
                    return current.equals(loadedChange)
                            ? Uni.createFrom().item(snapshot)
                            : titles.listAll().map(all -> {
                                loadedChange = current;
                                return CatalogSnapshot.of(all.stream().map(TitleMapper::toCatalogTitle).toList());
                            });
                })
                .flatMap(base -> popularity.popularity().map(base::withPopularity))
                .invoke(next -> snapshot = next)
                .map(CatalogSnapshot::size)
                .eventually(() -> refreshing.set(false));
    }

    public Uni<Title> find(String titleId) {
        return titles.findById(titleId);
    }

    public Uni<List<Title>> page(int index, int size) {
        return titles.page(index, size);
    }

    /**
     * Creates or replaces a title and publishes it (key: title id) once the write has committed. Home pages
     * see it at the next snapshot refresh: reloading the catalog on every write would make a bulk import
     * quadratic.
     */
    public Uni<Title> upsert(String titleId, TitleUpsert request) {
        return Panache.withTransaction(() -> save(titleId, request))
                .call(saved -> catalogTopic.send(Record.of(saved.titleId, TitleMapper.toEvent(saved))));
    }

    private Uni<Title> save(String titleId, TitleUpsert request) {
        return titles.findById(titleId).flatMap(existing -> {
            Instant now = Instant.now();
            Title t = existing == null ? new Title() : existing;
            TitleMapper.apply(request, t);
            t.updatedAt = now;
            if (existing == null) {
                t.titleId = titleId;
                t.createdAt = now;
                return titles.persist(t);
            }
            return Uni.createFrom().item(t);
        });
    }
}
