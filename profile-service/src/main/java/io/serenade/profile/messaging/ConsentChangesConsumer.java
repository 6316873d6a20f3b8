package io.serenade.profile.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Topics;
import io.serenade.profile.service.ConsentViewService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the compacted consent-changes topic into this service's own consent view, a batch at a time. Whole
 * records are read (not payloads) because a tombstone — a null value — is meaningful here: the user was erased.
 */
@ApplicationScoped
public class ConsentChangesConsumer {

    private final ConsentViewService consentView;

    public ConsentChangesConsumer(ConsentViewService consentView) {
        this.consentView = consentView;
    }

    @Incoming(Topics.CONSENT_CHANGES)
    public Uni<Void> consume(ConsumerRecords<String, ConsentChanged> records) {
        List<ConsentViewService.Keyed> batch = new ArrayList<>(records.count());
        int unreadable = 0;
        // Records of one key share a partition, and each partition's records come in order: the batch keeps it.
        for (ConsumerRecord<String, ConsentChanged> r : records) {
            // An unreadable value also arrives as null, but with a failure header: it is not a tombstone.
            if (r.key() == null || r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null) {
                unreadable++;
                continue;
            }
            batch.add(new ConsentViewService.Keyed(r.key(), r.value()));
        }
        if (unreadable > 0) {
            Log.warnf("consent view: %d unreadable consent-changes records skipped", unreadable);
        }
        return consentView.apply(batch)
                .invoke(n -> Log.debugf("consent view: %d of %d changes applied", n.intValue(), (Object) records.count()))
                .replaceWithVoid();
    }
}
