package io.serenade.kit.consent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.Purposes;
import io.serenade.kit.consent.ConsentViewUpdater.Keyed;
import io.serenade.kit.messaging.UnapplicableRecord;
import io.serenade.kit.testing.RecordingDeadLetters;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing store must not stop the consent channel (stopping it would freeze every user's view); a change it refuses
 * must not leave its user's consent as it was.
 */
class ConsentViewConsumerTest {

    @Test
    void aBatchIsRetriedUntilItAppliesAndNeverFailsTheStream() {
        AtomicInteger calls = new AtomicInteger();
        ConsentViewUpdater failingSixTimes = new ConsentViewUpdater(null, List.of(), new SimpleMeterRegistry()) {
            @Override
            public Uni<Integer> apply(List<ConsentViewUpdater.Keyed> batch) {
                return Uni.createFrom().deferred(() -> calls.incrementAndGet() <= 6
                        ? Uni.createFrom().failure(new IllegalStateException("database away"))
                        : Uni.createFrom().item(0));
            }
        };
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();

        new ConsentViewConsumer(failingSixTimes, deadLetters).consume(records("u-1")).await().atMost(Duration.ofMinutes(2));

        assertThat(calls).as("more attempts than a bounded retry's five").hasValue(7);
        assertThat(deadLetters.parked).as("a store away is no reason to park").isEmpty();
    }

    @Test
    void aChangeTheStoreRefusesGrantsNothingForItsUserAndIsParked() {
        List<List<Keyed>> applied = new CopyOnWriteArrayList<>();
        ConsentViewUpdater refusingU2 = new ConsentViewUpdater(null, List.of(), new SimpleMeterRegistry()) {
            @Override
            public Uni<Integer> apply(List<Keyed> batch) {
                applied.add(batch);
                boolean refused = batch.stream().anyMatch(k -> k.userId().equals("u-2") && k.change() != null);
                return refused ? Uni.createFrom().failure(new UnapplicableRecord("refused")) : Uni.createFrom().item(batch.size());
            }
        };
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();

        new ConsentViewConsumer(refusingU2, deadLetters).consume(records("u-1", "u-2", "u-3")).await().atMost(Duration.ofMinutes(1));

        assertThat(deadLetters.parked).singleElement().satisfies(p -> assertThat(p.record().key()).isEqualTo("u-2"));
        assertThat(applied).as("the batch, then each alone, u-2 again as nothing granted")
                .extracting(b -> b.stream().map(k -> k.userId() + (k.change() == null ? ":none" : "")).toList())
                .containsExactly(List.of("u-1", "u-2", "u-3"), List.of("u-1"), List.of("u-2"), List.of("u-2:none"), List.of("u-3"));
    }

    private static ConsumerRecords<String, ConsentChanged> records(String... users) {
        List<ConsumerRecord<String, ConsentChanged>> records = new java.util.ArrayList<>();
        for (String user : users) {
            records.add(new ConsumerRecord<>("consent-changes", 0, records.size(), user, new ConsentChanged(ConsentChanged.VERSION,
                    user, Map.of(Purposes.PERSONALIZATION, ConsentState.GRANTED), Purposes.PERSONALIZATION, "2025-01", "api", Instant.now())));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition("consent-changes", 0), records), Map.of());
    }
}
