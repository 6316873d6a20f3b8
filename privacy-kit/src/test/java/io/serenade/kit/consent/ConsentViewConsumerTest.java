package io.serenade.kit.consent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.serenade.events.ConsentChanged;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing store must not stop the consent channel: stopping it would freeze every user's view. */
class ConsentViewConsumerTest {

    @Test
    void aBatchIsRetriedUntilItAppliesAndNeverFailsTheStream() {
        AtomicInteger calls = new AtomicInteger();
        ConsentViewUpdater failingSixTimes = new ConsentViewUpdater(null, List.of(), new SimpleMeterRegistry()) {
            @Override
            public Uni<Integer> apply(List<Keyed> batch) {
                return Uni.createFrom().deferred(() -> calls.incrementAndGet() <= 6
                        ? Uni.createFrom().failure(new IllegalStateException("database away"))
                        : Uni.createFrom().item(0));
            }
        };
        ConsumerRecords<String, ConsentChanged> none = ConsumerRecords.empty();

        new ConsentViewConsumer(failingSixTimes).consume(none).await().atMost(Duration.ofMinutes(2));

        assertThat(calls).as("more attempts than a bounded retry's five").hasValue(7);
    }
}
