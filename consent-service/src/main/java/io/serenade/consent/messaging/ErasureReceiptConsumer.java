package io.serenade.consent.messaging;

import io.serenade.consent.service.ErasureService;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Feeds the services' erasure receipts into the erasures they answer, in order. A receipt that cannot be stored
 * after a few tries fails the channel (and so the health check); one that is lost anyway is asked for again by
 * the retry of {@link ErasureService}, since the services answer a repeated request with a new receipt.
 */
@ApplicationScoped
public class ErasureReceiptConsumer {

    private final ErasureService erasures;

    public ErasureReceiptConsumer(ErasureService erasures) {
        this.erasures = erasures;
    }

    @Incoming(Topics.ERASURE_RECEIPTS)
    public Uni<Void> consume(List<ErasureReceipt> batch) {
        return Multi.createFrom().iterable(batch.stream().filter(Objects::nonNull).toList())
                .onItem().transformToUniAndConcatenate(receipt -> erasures.receive(receipt)
                        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5))
                .collect().last()
                .replaceWithVoid();
    }
}
