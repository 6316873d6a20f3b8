package io.serenade.profile.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.profile.config.ProfileConfig;
import io.serenade.profile.repository.InteractionRepository;
import io.serenade.profile.repository.NotificationDecisionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Purges what is older than its retention (docs/privacy.md): interaction history, search history (kept
 * shorter), notification decisions, forget-markers past the history's retention, and erasure markers past their
 * lifetime (ErasedUsers). Runs on every replica;
 * the deletes are idempotent, so replicas racing only share the work.
 */
@ApplicationScoped
public class RetentionService {

    /** What one purge deleted, per category. */
    public record Purged(long interactions, long searches, long decisions, long forgottenMarkers, long erasedMarkers) {
        public long total() {
            return interactions + searches + decisions + forgottenMarkers + erasedMarkers;
        }
    }

    /** The instants before which each category is purged. */
    public record Cutoffs(Instant interactions, Instant searches, Instant decisions, Instant erasedMarkers) {
        public static Cutoffs at(Instant now, ProfileConfig.Retention retention, ErasedUsers erased) {
            return new Cutoffs(now.minus(retention.interactionHistory()), now.minus(retention.searchHistory()),
                    now.minus(retention.notificationDecisions()), erased.cutoff(now));
        }
    }

    private final InteractionRepository interactions;
    private final NotificationDecisionRepository decisions;
    private final ErasedUsers erased;
    private final ProfileConfig.Retention retention;

    public RetentionService(InteractionRepository interactions, NotificationDecisionRepository decisions, ErasedUsers erased,
                            ProfileConfig config) {
        this.interactions = interactions;
        this.erased = erased;
        this.decisions = decisions;
        this.retention = config.retention();
    }

    @Scheduled(every = "${serenade.profile.retention.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeScheduled() {
        return purge(Cutoffs.at(Instant.now(), retention, erased))
                .onFailure().invoke(e -> Log.warnf("retention purge failed, next run retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes everything older than the cutoffs; one category after the other, each in bounded chunks. */
    public Uni<Purged> purge(Cutoffs cutoffs) {
        return interactions.purgeSearchesBefore(cutoffs.searches())
                .chain(searches -> interactions.purgeBefore(cutoffs.interactions())
                        .chain(history -> interactions.purgeForgottenBefore(cutoffs.interactions())
                                .chain(markers -> decisions.purgeBefore(cutoffs.decisions())
                                        .chain(decided -> erased.purgeBefore(cutoffs.erasedMarkers())
                                                .map(gone -> new Purged(history, searches, decided, markers, gone))))))
                .invoke(p -> {
                    if (p.total() > 0) {
                        Log.infof("retention: purged %d interactions, %d searches, %d decisions, %d forget-markers, %d erasure markers",
                                p.interactions(), p.searches(), p.decisions(), p.forgottenMarkers(), p.erasedMarkers());
                    }
                });
    }
}
