package io.serenade.gateway.messaging;

import io.serenade.events.ErasureReceipt;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes the gateway's erasure receipts, keyed by user id, for consent-service to combine. */
@ApplicationScoped
public class ErasureReceiptPublisher {

    private final MutinyEmitter<Record<String, ErasureReceipt>> emitter;

    public ErasureReceiptPublisher(@Channel(Topics.ERASURE_RECEIPTS) MutinyEmitter<Record<String, ErasureReceipt>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the receipt. */
    public Uni<Void> publish(ErasureReceipt receipt) {
        return emitter.send(Record.of(receipt.userId(), receipt));
    }
}
