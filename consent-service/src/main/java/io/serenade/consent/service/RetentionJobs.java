package io.serenade.consent.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.repository.ExportRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The scheduled purges of consent-service's own data: data-use records past their retention, export archives
 * past their expiry (and jobs that died with an earlier instance). Each runs on every instance; the deletes are
 * idempotent, so instances racing each other delete nothing twice.
 */
@ApplicationScoped
public class RetentionJobs {

    private final DataUseService dataUse;
    private final ExportRepository exports;
    private final ConsentConfig config;

    public RetentionJobs(DataUseService dataUse, ExportRepository exports, ConsentConfig config) {
        this.dataUse = dataUse;
        this.exports = exports;
        this.config = config;
    }

    @Scheduled(every = "${serenade.consent.data-use.purge-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeDataUse() {
        return dataUse.purgeBefore(Instant.now().minus(config.dataUse().retention()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("data use: %d records past retention purged", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("data use: purge failed, next run retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "${serenade.consent.exports.purge-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExports() {
        Instant now = Instant.now();
        return exports.failStale(now.minus(config.exports().staleAfter()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.warnf("exports: %d jobs found running past their time, marked FAILED", n);
                    }
                })
                .chain(() -> exports.purgeExpired(now))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("exports: %d expired archives purged", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("exports: purge failed, next run retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
