package io.serenade.kit.erasure;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.kit.messaging.Poison;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's part in every erasure: takes the request from consent-service, has the service's {@link UserErasure}
 * delete what it holds, and answers with a receipt (what was deleted per store, and a digest over the ids), keyed
 * by user id. A request that still fails after a few tries is logged and left, so that the channel keeps running
 * for the requests behind it: consent-service sends a request again while this service has not answered it.
 */
@ApplicationScoped
@IfBuildProperty(name = ErasureParticipant.ENABLED, stringValue = "true")
public class ErasureParticipant {

    /** Build-time switch: every service holding personal data sets it and implements {@link UserErasure}. */
    public static final String ENABLED = "serenade.kit.erasure.enabled";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 5;

    private final UserErasure erasure;
    private final MutinyEmitter<Record<String, ErasureReceipt>> receipts;
    private final String service;
    private final DeadLetters deadLetters;

    public ErasureParticipant(UserErasure erasure,
                              @Channel(Topics.ERASURE_RECEIPTS) MutinyEmitter<Record<String, ErasureReceipt>> receipts,
                              @ConfigProperty(name = "quarkus.application.name") String service, DeadLetters deadLetters) {
        if (!Services.HOLDING_PERSONAL_DATA.contains(service)) {
            // The receipt names the service; consent-service waits for one from each of these names.
            throw new IllegalStateException("quarkus.application.name " + service + " is not one of " + Services.HOLDING_PERSONAL_DATA);
        }
        this.erasure = erasure;
        this.receipts = receipts;
        this.service = service;
        this.deadLetters = deadLetters;
    }

    /**
     * Answers one request. An unreadable or incomplete one, and one that still fails after the retries (consent-service
     * sends a request again until every service answered), is parked on the dead-letter topic, counted, and the channel
     * goes on: failing the stream would stop every later erasure.
     */
    @Incoming(Topics.ERASURE_REQUESTS)
    public Uni<Void> consume(ConsumerRecord<String, ErasureRequested> record) {
        ErasureRequested request = record.value();
        if (request == null || request.erasureId() == null || request.userId() == null) {
            return deadLetters.park(Topics.ERASURE_REQUESTS, record, DeadLetters.unreadable(record) ? "unreadable value" : "incomplete");
        }
        return answer(request).replaceWithVoid()
                // The failure's class only: its message may quote the user id.
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.ERASURE_REQUESTS, record,
                        "failed after retries, left for consent-service to send again: " + Poison.reason(failure)));
    }

    /** Erases, then sends the receipt; completes with the receipt once the broker has it. */
    public Uni<ErasureReceipt> answer(ErasureRequested request) {
        // The deletion and the publication are retried apart: retrying the deletion after a failed publication would
        // find nothing left and send a receipt that attests to nothing.
        return erasure.erase(request.userId())
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS)
                .map(erased -> new ErasureReceipt(ErasureReceipt.VERSION, request.erasureId(), request.userId(), service,
                        erased.perStore(), Instant.now(), ErasureDigest.of(request.erasureId(), erased.deletedIds())))
                .call(receipt -> receipts.send(Record.of(receipt.userId(), receipt))
                        .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(ATTEMPTS))
                .invoke(receipt -> Log.infof("erasure %s: deleted %s, receipt sent", receipt.erasureId(), receipt.deletedPerStore()));
    }
}
