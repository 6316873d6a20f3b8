package io.serenade.gateway.messaging;

import io.quarkus.logging.Log;
import io.serenade.events.ConsentChanged;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.events.Topics;
import io.serenade.gateway.repository.ConsentCache;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the consent cache current from the compacted consent topic: each value is the user's whole state, a
 * tombstone (null value) means the user was erased and their entry becomes a short-lived marker granting
 * nothing. A batch is applied in one Redis round trip, in order; every write is compare-and-set on changedAt,
 * so a replay after a rebalance changes nothing.
 * <p>
 * A batch that cannot reach Redis is retried until it can: skipping it would leave a withdrawal unapplied while
 * the cache still says granted. Meanwhile the lookups themselves fall back to consent-service.
 */
@ApplicationScoped
public class ConsentChangesConsumer {

    private final ConsentCache cache;
    private final DeadLetters deadLetters;

    public ConsentChangesConsumer(ConsentCache cache, DeadLetters deadLetters) {
        this.cache = cache;
        this.deadLetters = deadLetters;
    }

    /** Redis refuses nothing a record could hold, so only a record without a user is parked (the kit's DeadLetters). */
    @Incoming(Topics.CONSENT_CHANGES)
    public Uni<Void> consume(ConsumerRecords<String, ConsentChanged> records) {
        return deadLetters.apply(Topics.CONSENT_CHANGES, records, r -> r.key() != null && !r.key().isEmpty(),
                batch -> {
                    List<ConsentCache.Change> changes = batch.stream().map(r -> change(r.key(), r.value())).toList();
                    return cache.apply(changes).invoke(() -> Log.debugf("consent cache: %d changes applied", changes.size()));
                });
    }

    /**
     * The change a record carries; null for a record without a user. A value that could not be read arrives as
     * null like a tombstone (the kit also parks a copy), and is applied like one: the entry grants nothing until its marker expires, and the
     * next request after that asks consent-service.
     */
    static ConsentCache.Change change(String key, ConsentChanged value) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (value == null || value.changedAt() == null || !key.equals(value.userId())) {
            return new ConsentCache.Change(key, null, null);
        }
        GrantedPurposes granted = new GrantedPurposes(Purposes.ALL.stream().filter(value::permits)
                .collect(Collectors.toSet()));
        return new ConsentCache.Change(key, granted, value.changedAt());
    }
}
