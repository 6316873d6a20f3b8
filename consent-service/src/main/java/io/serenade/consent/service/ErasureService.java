package io.serenade.consent.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.consent.api.ErasureView;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.mapping.ErasureMapper;
import io.serenade.consent.messaging.ConsentPublisher;
import io.serenade.consent.messaging.ErasureRequestPublisher;
import io.serenade.consent.model.Erasure;
import io.serenade.consent.model.ServiceReceipt;
import io.serenade.consent.repository.ConsentLedgerRepository;
import io.serenade.consent.repository.DataUseRepository;
import io.serenade.consent.repository.ErasureRepository;
import io.serenade.consent.repository.ExportRepository;
import io.serenade.consent.repository.UserLock;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasure orchestration. A request erases consent-service's own data for the user at once, in one transaction,
 * with a tombstone on the consent topic; then asks every service to erase theirs (ErasureRequested), collects
 * their receipts, asks again those that have not answered, and forgets the user id once all have.
 * <p>
 * Data in flight: an event published just before the erasure (an interaction, a data-use record) can reach a
 * service after it erased the user, and bring some data back. consent-service drops its own late arrivals: a
 * data-use record that occurred before an erasure of its user is not stored (see {@link DataUseRepository}).
 * The other services receive every repeated request until all have answered, and each deletes whatever is there
 * again; beyond that, a late event is theirs to refuse. Nothing more is done here.
 */
@ApplicationScoped
public class ErasureService {

    private final Pool pool;
    private final ErasureRepository erasures;
    private final ConsentLedgerRepository ledger;
    private final DataUseRepository dataUse;
    private final ExportRepository exports;
    private final ConsentPublisher consentPublisher;
    private final ErasureRequestPublisher requestPublisher;
    private final ConsentConfig config;

    private final Pseudonyms pseudonyms;

    public ErasureService(Pool pool, ErasureRepository erasures, ConsentLedgerRepository ledger, DataUseRepository dataUse,
                          ExportRepository exports, ConsentPublisher consentPublisher,
                          ErasureRequestPublisher requestPublisher, Pseudonyms pseudonyms, ConsentConfig config) {
        this.pool = pool;
        this.pseudonyms = pseudonyms;
        this.erasures = erasures;
        this.ledger = ledger;
        this.dataUse = dataUse;
        this.exports = exports;
        this.consentPublisher = consentPublisher;
        this.requestPublisher = requestPublisher;
        this.config = config;
    }

    private record Started(Erasure erasure, boolean isNew) {
    }

    /**
     * Starts the user's erasure, or returns the one in progress. consent-service's own part commits only once the
     * broker has acknowledged the tombstone: a ledger erased while the compacted topic still holds the user's
     * consent would be no erasure. The request to the other services is published after the commit, so that
     * their receipts always find the erasure recorded; if that publication fails, the retry sends it.
     */
    public Uni<ErasureView> request(String userId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(tx -> UserLock.lock(tx, userId)
                        .chain(() -> erasures.running(tx, userId))
                        .chain(running -> running != null ? Uni.createFrom().item(new Started(running, false))
                                : eraseOwnData(tx, userId, now).map(e -> new Started(e, true))))
                .call(started -> {
                    if (!started.isNew()) {
                        return Uni.createFrom().voidItem();
                    }
                    Erasure e = started.erasure();
                    Log.infof("erasure %s requested", e.id());
                    return requestPublisher.publish(new ErasureRequested(ErasureRequested.VERSION, e.id(), userId, e.requestedAt()))
                            .onFailure().recoverWithItem(failure -> {
                                Log.warnf("erasure %s: request not published (%s); the retry will send it", e.id(), failure.toString());
                                return null;
                            });
                })
                .chain(started -> view(started.erasure()));
    }

    /** The user's erasure receipt; null if there is no erasure with this id for this user. */
    public Uni<ErasureView> find(String userId, UUID id) {
        return erasures.find(pseudonyms.all(userId), id)
                .chain(e -> e == null ? Uni.createFrom().nullItem() : view(e));
    }

    /**
     * A receipt an erasure can take: it names its erasure, user and digest, from a service that holds personal data
     * (the consumer parks any other on the dead-letter topic).
     */
    public static boolean complete(ErasureReceipt receipt) {
        return receipt != null && receipt.erasureId() != null && receipt.userId() != null && receipt.digest() != null
                && Services.HOLDING_PERSONAL_DATA.contains(receipt.service());
    }

    /**
     * Stores one service's {@link #complete} receipt (a repeated one changes nothing) and completes the erasure when
     * it was the last one missing. A receipt for an unknown erasure or another user is ignored.
     */
    public Uni<Void> receive(ErasureReceipt receipt) {
        ServiceReceipt r = new ServiceReceipt(receipt.service(), receipt.deletedPerStore(), receipt.digest(),
                receipt.completedAt() == null ? Instant.now() : receipt.completedAt());
        return erasures.insertReceipt(pool, receipt.erasureId(), pseudonyms.all(receipt.userId()), r)
                .invoke(isNew -> Log.debugf("erasure %s: receipt from %s%s", receipt.erasureId(), receipt.service(),
                        isNew ? "" : " (repeated or unknown, ignored)"))
                .chain(() -> erasures.completeIfAnswered(receipt.erasureId(), Services.HOLDING_PERSONAL_DATA))
                .invoke(completed -> {
                    if (completed) {
                        Log.infof("erasure %s complete: every service answered", receipt.erasureId());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Asks again for the erasures some service has not answered: every few seconds while RUNNING, then, after
     * the configured attempts, reports them FAILED (the view lists the missing services) and keeps asking, slowly,
     * until they answer. Every service deletes idempotently, so a repeated request costs a receipt.
     */
    @Scheduled(every = "${serenade.consent.erasure.retry-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryUnanswered() {
        ConsentConfig.Erasure c = config.erasure();
        return erasures.claimDue(Instant.now(), c.retryAfter(), c.failedRetryAfter(), c.maxAttempts())
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(e -> {
                    if (Erasure.FAILED.equals(e.status()) && e.attempts() == c.maxAttempts() + 1) {
                        Log.warnf("erasure %s FAILED after %d requests; still asking the missing services", e.id(), c.maxAttempts());
                    }
                    return requestPublisher.publish(new ErasureRequested(ErasureRequested.VERSION, e.id(), e.userId(), e.requestedAt()))
                            .onFailure().recoverWithItem(failure -> {
                                Log.warnf("erasure %s: repeated request not published (%s)", e.id(), failure.toString());
                                return null;
                            });
                })
                .collect().last()
                .onFailure().invoke(e -> Log.warnf("erasure retry failed, next run retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Records the erasure and deletes everything consent-service holds for the user, on the caller's transaction:
     * ledger rows, data-use records, exports (with their archives), then its own receipt and the tombstone.
     */
    private Uni<Erasure> eraseOwnData(SqlClient tx, String userId, Instant now) {
        UUID id = UUID.randomUUID();
        // How the erasure names its user once the id is gone: their keyed pseudonym, so that the user's own id finds
        // the receipt, and nobody without the key can tell whose erasure it was.
        String userHash = pseudonyms.of(userId);
        Map<String, Long> deleted = new LinkedHashMap<>();
        List<String> deletedIds = new ArrayList<>();
        return erasures.insert(tx, new Erasure(id, userId, userHash, Erasure.RUNNING, now, null, 1))
                .call(() -> ledger.deleteForUser(tx, userId).invoke(ids -> {
                    deleted.put("postgresql:consent_ledger", (long) ids.size());
                    ids.forEach(i -> deletedIds.add("consent_ledger/" + i));
                }))
                .call(() -> dataUse.deleteForUser(tx, userId).invoke(ids -> {
                    deleted.put("postgresql:data_use", (long) ids.size());
                    ids.forEach(i -> deletedIds.add("data_use/" + i));
                }))
                .call(() -> exports.deleteForUser(tx, userId).invoke(ids -> {
                    deleted.put("postgresql:exports", (long) ids.size());
                    ids.forEach(i -> deletedIds.add("exports/" + i));
                }))
                .call(() -> {
                    // The tombstone replaces the user's consent on the compacted topic; counted as one record.
                    // The tombstone is written, not yet compacted: the receipt says "compaction pending" (ErasureMapper).
                    deletedIds.add("consent-changes/tombstone");
                    ServiceReceipt own = new ServiceReceipt(Services.CONSENT, deleted, ErasureDigest.of(id, deletedIds),
                            Instant.now().truncatedTo(ChronoUnit.MICROS));
                    return erasures.insertReceipt(tx, id, List.of(userHash), own);
                })
                .call(() -> consentPublisher.tombstone(userId).onFailure().transform(e -> {
                    Log.warnf("erasure %s rolled back, consent tombstone not published: %s", id, e.toString());
                    return new ErasureNotRecordedException(e);
                }))
                .invoke(() -> Log.infof("erasure %s: consent-service erased %s", id, deleted));
    }

    private Uni<ErasureView> view(Erasure erasure) {
        return erasures.receipts(erasure.id()).map(receipts -> ErasureMapper.toView(erasure, receipts));
    }
}
