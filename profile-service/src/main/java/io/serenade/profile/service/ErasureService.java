package io.serenade.profile.service;

import io.quarkus.logging.Log;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.profile.messaging.ErasureReceiptPublisher;
import io.serenade.profile.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Erases everything profile-service holds about a user (every table; it keeps no Redis keys and no in-memory
 * per-user state) and answers with a receipt. Idempotent: a repeated request deletes what is there, usually
 * nothing, and is answered again.
 */
@ApplicationScoped
public class ErasureService {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final int ATTEMPTS = 5;

    private final UserDataRepository userData;
    private final ErasureReceiptPublisher receipts;

    public ErasureService(UserDataRepository userData, ErasureReceiptPublisher receipts) {
        this.userData = userData;
        this.receipts = receipts;
    }

    /** Completes with the receipt once the deletion has committed and the broker has the receipt. */
    public Uni<ErasureReceipt> erase(ErasureRequested request) {
        // The delete and the publication are retried apart: retrying the delete after a failed publication
        // would find nothing left and send a receipt that attests to nothing.
        return userData.erase(request.userId())
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS)
                .map(erased -> {
                    Map<String, Long> perStore = new LinkedHashMap<>();
                    erased.perTable().forEach((table, n) -> perStore.put("postgresql:" + table, n));
                    return new ErasureReceipt(ErasureReceipt.VERSION, request.erasureId(), request.userId(),
                            Services.PROFILE, perStore, Instant.now(), ErasureDigest.of(request.erasureId(), erased.ids()));
                })
                .call(receipt -> receipts.publish(receipt)
                        .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS))
                .invoke(receipt -> Log.infof("erasure %s: %d rows deleted, receipt sent", receipt.erasureId(),
                        receipt.deletedPerStore().values().stream().mapToLong(Long::longValue).sum()));
    }
}
