package io.serenade.kit.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
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
 * Feeds the compacted consent topic into the service's consent view, a batch at a time (the service configures
 * channel {@value Topics#CONSENT_CHANGES} with batch=true). Whole records are read, not payloads, because a
 * tombstone (a null value) carries its meaning in the key: that user was erased.
 */
@ApplicationScoped
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ConsentViewConsumer {

    private static final Duration RETRY_FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(10);

    private final ConsentViewUpdater views;

    public ConsentViewConsumer(ConsentViewUpdater views) {
        this.views = views;
    }

    @Incoming(Topics.CONSENT_CHANGES)
    public Uni<Void> consume(ConsumerRecords<String, ConsentChanged> records) {
        List<ConsentViewUpdater.Keyed> batch = new ArrayList<>(records.count());
        int unreadable = 0;
        int unkeyed = 0;
        // Records of one key share a partition, and each partition's records come in order: the batch keeps it.
        for (ConsumerRecord<String, ConsentChanged> r : records) {
            if (r.key() == null) {
                unkeyed++; // belongs to no user: there is no view it could change
                continue;
            }
            // An unreadable value also arrives as null, but with a failure header: it is no tombstone (that would drop
            // the view and with it the ordering by changedAt). It may have been a withdrawal, so it is still applied,
            // as "nothing granted".
            if (r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                unreadable++;
                batch.add(ConsentViewUpdater.Keyed.unreadable(r.key()));
                continue;
            }
            batch.add(new ConsentViewUpdater.Keyed(r.key(), r.value()));
        }
        if (unreadable > 0 || unkeyed > 0) {
            Log.warnf("consent view: %d unreadable consent-changes records taken as no consent, %d without key skipped",
                    unreadable, unkeyed);
        }
        // Retried without end: skipping a batch could skip a withdrawal, and stopping the channel would freeze every
        // user's view. The batch's offsets are not committed until it is applied, and applying is idempotent.
        return views.apply(batch)
                .onFailure().invoke(e -> Log.warnf("consent view: applying a batch failed, retrying: %s", e.getClass().getName()))
                .onFailure().retry().withBackOff(RETRY_FIRST_BACKOFF, RETRY_MAX_BACKOFF).indefinitely()
                .replaceWithVoid();
    }
}
