package io.serenade.kit.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.serenade.kit.messaging.DeadLetters;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** DeadLetters for a unit test: what would be parked is kept here with its reason, no broker needed. */
public class RecordingDeadLetters extends DeadLetters {

    public record Parked(String channel, ConsumerRecord<String, ?> record, String reason) {
    }

    public final List<Parked> parked = new CopyOnWriteArrayList<>();

    public RecordingDeadLetters() {
        super("unit-test-dead-letters", "unit-test", "127.0.0.1:1", new SimpleMeterRegistry());
    }

    @Override
    public <T> Uni<Void> park(String channel, ConsumerRecord<String, T> record, String reason) {
        return Uni.createFrom().item(() -> {
            parked.add(new Parked(channel, record, reason));
            return null;
        });
    }
}
