package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.RewardIngestion;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Rewards from the interactions topic. The topic is keyed by user, so within the consumer group exactly one
 * replica owns each viewer's events: rewards and taste updates for a viewer never race across replicas. A reward
 * that cannot be applied is retried while the failure passes and parked when it never can (the kit's DeadLetters).
 */
@ApplicationScoped
public class InteractionConsumer {

    private final RewardIngestion rewards;
    private final DeadLetters deadLetters;

    public InteractionConsumer(RewardIngestion rewards, DeadLetters deadLetters) {
        this.rewards = rewards;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(ConsumerRecords<String, InteractionRecorded> records) {
        return deadLetters.apply(Topics.INTERACTIONS, records, r -> RewardIngestion.complete(r.value()),
                batch -> rewards.apply(DeadLetters.values(batch)).invoke(n -> Log.debugf(
                        "interactions: %d of %d events credited to impressions", n.intValue(), (Object) batch.size())));
    }
}
