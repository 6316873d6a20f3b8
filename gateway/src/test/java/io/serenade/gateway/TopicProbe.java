package io.serenade.gateway;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.serenade.events.serde.EventSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Reads a test topic from the moment it is opened, for a test to see what the gateway published; and
 * {@link #send} publishes events as the other services would.
 */
final class TopicProbe<T> implements AutoCloseable {

    private final KafkaConsumer<String, T> consumer;

    TopicProbe(String topic, Deserializer<T> values) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        // Join the group and fix the starting offsets before the test publishes anything.
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
    }

    /** Every record that arrives until one matches (or 30 s pass); the matching one is last. */
    List<ConsumerRecord<String, T>> until(Predicate<ConsumerRecord<String, T>> wanted) {
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(100))) {
                records.add(r);
                if (wanted.test(r)) {
                    return records;
                }
            }
        }
        throw new AssertionError("no matching record within 30 s among " + records);
    }

    /** What arrives within {@code quiet}: for checking that nothing was published. */
    List<ConsumerRecord<String, T>> within(Duration quiet) {
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + quiet.toMillis();
        while (System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Publishes one event (null: a tombstone) keyed by user id, and waits for the broker's acknowledgement. */
    static void send(String topic, String key, Object event) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
