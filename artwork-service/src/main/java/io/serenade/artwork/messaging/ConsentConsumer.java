package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.ConsentViewService;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the compacted consent topic into artwork's consent view. Raw records, because a tombstone (null value)
 * carries its meaning in the key: that user was erased.
 */
@ApplicationScoped
public class ConsentConsumer {

    private final ConsentViewService views;

    public ConsentConsumer(ConsentViewService views) {
        this.views = views;
    }

    @Incoming(Topics.CONSENT_CHANGES)
    public Uni<Void> consume(ConsumerRecords<String, ConsentChanged> records) {
        List<ConsentViewService.Change> changes = new ArrayList<>(records.count());
        for (ConsumerRecord<String, ConsentChanged> r : records) {
            // An unreadable value also arrives as null: it must not be taken for a tombstone and erase the user.
            if (r.value() == null && r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                Log.warnf("unreadable consent change skipped (partition %d, offset %d)", r.partition(), r.offset());
                continue;
            }
            String userId = r.key() != null ? r.key() : r.value() == null ? null : r.value().userId();
            changes.add(new ConsentViewService.Change(userId, r.value()));
        }
        // Applying a batch again is harmless (a stale change is ignored, an erasure repeated deletes nothing).
        return views.apply(changes).onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }
}
