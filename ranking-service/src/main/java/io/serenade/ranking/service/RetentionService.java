package io.serenade.ranking.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Deletes personal data past its retention: interactions after the interaction-history retention, searches after
 * the (shorter) search-history one, the record of forgotten events with the history, and erasure markers past
 * their lifetime (ErasedUsers). Runs on every replica;
 * the deletes are idempotent. Popularity is not taken back: an event that old has decayed to nothing there.
 */
@ApplicationScoped
public class RetentionService {

    /** What one purge deleted. */
    public record Purged(int interactions, int forgottenEvents, int erasedMarkers) {
    }

    private final UserDataRepository data;
    private final ErasedUsers erased;
    private final RankingConfig.Retention retention;

    public RetentionService(UserDataRepository data, ErasedUsers erased, RankingConfig config) {
        this.data = data;
        this.erased = erased;
        this.retention = config.retention();
    }

    @Scheduled(every = "${serenade.ranking.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(Instant.now()).onFailure().invoke(e -> Log.warn("retention purge failed", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Purged> purge(Instant now) {
        Instant historyBefore = now.minus(retention.interactionHistory());
        return data.purgeInteractions(historyBefore, now.minus(retention.searchHistory()))
                .flatMap(interactions -> data.purgeForgotten(historyBefore)
                        .flatMap(forgotten -> erased.purgeBefore(erased.cutoff(now))
                                .map(markers -> new Purged(interactions, forgotten, markers))))
                .invoke(p -> {
                    if (p.interactions() > 0 || p.forgottenEvents() > 0 || p.erasedMarkers() > 0) {
                        Log.infof("retention: %d interactions, %d forgotten-event records and %d erasure markers past"
                                + " retention deleted", p.interactions(), p.forgottenEvents(), p.erasedMarkers());
                    }
                });
    }
}
