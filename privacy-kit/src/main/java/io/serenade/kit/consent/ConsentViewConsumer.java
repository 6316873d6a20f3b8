package io.serenade.kit.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.kit.messaging.Poison;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Feeds the compacted consent topic into the service's consent view, a batch at a time (the service configures
 * channel {@value Topics#CONSENT_CHANGES} with batch=true). Whole records are read, not payloads, because a
 * tombstone (a null value) carries its meaning in the key: that user was erased.
 * <p>
 * It fails closed. A batch that fails while the store is away is retried until applied (skipping one could skip a
 * withdrawal, and the batch's offsets are not committed until it is applied; applying is idempotent). An unreadable
 * value is applied as "nothing granted" (it may have been a withdrawal) and a copy parked on the dead-letter topic;
 * a change the store refuses is applied as "nothing granted" for its user too, then parked; a record without a key
 * belongs to no user and is parked. All by the kit's {@link DeadLetters}, which counts each.
 */
@ApplicationScoped
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ConsentViewConsumer {

    private final ConsentViewUpdater views;
    private final DeadLetters deadLetters;

    public ConsentViewConsumer(ConsentViewUpdater views, DeadLetters deadLetters) {
        this.views = views;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.CONSENT_CHANGES)
    public Uni<Void> consume(ConsumerRecords<String, ConsentChanged> records) {
        // Records of one key share a partition, and each partition's records come in order: the batch keeps it.
        return deadLetters.apply(Topics.CONSENT_CHANGES, records, r -> r.key() != null && !r.key().isEmpty(),
                batch -> views.apply(batch.stream().map(ConsentViewConsumer::keyed).toList())
                        .onFailure(Poison::is).recoverWithUni(poison -> batch.size() > 1 ? Uni.createFrom().failure(poison)
                                // Alone and refused: nothing granted for its user, then the kit parks it.
                                : views.apply(List.of(ConsentViewUpdater.Keyed.unreadable(batch.get(0).key())))
                                        .chain(() -> Uni.createFrom().failure(poison))));
    }

    /** The change a record carries; an unreadable one (not a tombstone: that would drop the ordering) grants nothing. */
    private static ConsentViewUpdater.Keyed keyed(ConsumerRecord<String, ConsentChanged> r) {
        return DeadLetters.unreadable(r) ? ConsentViewUpdater.Keyed.unreadable(r.key()) : new ConsentViewUpdater.Keyed(r.key(), r.value());
    }
}
