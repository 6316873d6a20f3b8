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
            // An unreadable value also arrives as null, but is no tombstone (that would drop the view and with it the
            // ordering by changedAt). It may have been a withdrawal, so it must not be skipped either: it clears the
            // user's grants (and their per-viewer keys) until their next readable change.
            if (r.value() == null && r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                Log.warnf("unreadable consent change (partition %d, offset %d): the user's grants are cleared", r.partition(), r.offset());
                changes.add(ConsentViewService.Change.unreadable(r.key()));
                continue;
            }
            String userId = r.key() != null ? r.key() : r.value() == null ? null : r.value().userId();
            changes.add(new ConsentViewService.Change(userId, r.value()));
        }
        // Applying a batch again is harmless (a stale change is ignored, a cleared view cleared again is the same).
        // Retried for as long as it takes (the database or Redis away): giving up would fail the stream and stop the
        // channel, and skipping the batch could skip a withdrawal. The batch is committed only once applied.
        return views.apply(changes).onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely();
    }
}
