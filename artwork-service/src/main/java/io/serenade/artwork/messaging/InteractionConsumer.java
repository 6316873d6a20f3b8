package io.serenade.artwork.messaging;

import io.quarkus.logging.Log;
import io.serenade.artwork.service.RewardIngestion;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Rewards from the interactions topic. The topic is keyed by user, so within the consumer group exactly one
 * replica owns each viewer's events: rewards and taste updates for a viewer never race across replicas.
 */
@ApplicationScoped
public class InteractionConsumer {

    private final RewardIngestion rewards;

    public InteractionConsumer(RewardIngestion rewards) {
        this.rewards = rewards;
    }

    @Incoming(Topics.INTERACTIONS)
    public Uni<Void> consume(List<InteractionRecorded> batch) {
        return rewards.apply(batch)
                .invoke(n -> Log.debugf("interactions: %d of %d events credited to impressions", n.intValue(), (Object) batch.size()))
                .replaceWithVoid();
    }
}
