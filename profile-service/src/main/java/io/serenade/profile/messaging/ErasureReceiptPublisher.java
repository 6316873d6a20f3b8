package io.serenade.profile.messaging;

import io.serenade.events.ErasureReceipt;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Answers consent-service's erasure requests with what this service deleted. Keyed by user id. */
@ApplicationScoped
public class ErasureReceiptPublisher {

    private final MutinyEmitter<Record<String, ErasureReceipt>> emitter;

    public ErasureReceiptPublisher(@Channel(Topics.ERASURE_RECEIPTS) MutinyEmitter<Record<String, ErasureReceipt>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the receipt. */
    public Uni<Void> publish(ErasureReceipt receipt) {
        return emitter.send(Record.of(receipt.userId(), receipt));
    }
}
