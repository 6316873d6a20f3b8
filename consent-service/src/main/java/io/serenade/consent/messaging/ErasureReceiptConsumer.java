package io.serenade.consent.messaging;

import io.serenade.consent.service.ErasureService;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the services' erasure receipts into the erasures they answer, in order. A receipt that fails while
 * PostgreSQL is away is retried until stored; one that can never be stored, or is incomplete, is parked on the
 * dead-letter topic (the kit's DeadLetters), and the erasure's own retry asks its service again.
 */
@ApplicationScoped
public class ErasureReceiptConsumer {

    private final ErasureService erasures;
    private final DeadLetters deadLetters;

    public ErasureReceiptConsumer(ErasureService erasures, DeadLetters deadLetters) {
        this.erasures = erasures;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.ERASURE_RECEIPTS)
    public Uni<Void> consume(ConsumerRecords<String, ErasureReceipt> records) {
        return deadLetters.apply(Topics.ERASURE_RECEIPTS, records, r -> ErasureService.complete(r.value()),
                batch -> Multi.createFrom().iterable(DeadLetters.values(batch))
                        .onItem().transformToUniAndConcatenate(erasures::receive)
                        .collect().last());
    }
}
