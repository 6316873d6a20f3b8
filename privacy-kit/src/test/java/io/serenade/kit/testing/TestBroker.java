package io.serenade.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.serde.ErasureReceiptDeserializer;
import io.serenade.events.serde.EventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real broker of scripts/infra.sh, as a service's tests use it: a service's {@code TestTopics} extends this and
 * names its own topics, which are created before the application starts (the broker does not auto-create topics),
 * so that tests never read or disturb the demo suite's topics.
 */
public abstract class TestBroker implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = "127.0.0.1:9092";

    /** The service's test topics. */
    protected abstract List<NewTopic> topics();

    /** A topic keyed by user, with three partitions as the chart's. */
    protected static NewTopic topic(String name) {
        return new NewTopic(name, 3, (short) 1);
    }

    /** A compacted topic (consent, catalog), as the real one is. */
    protected static NewTopic compacted(String name) {
        return topic(name).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            // One at a time: a batch fails whole when any of its topics exists, leaving newer ones uncreated.
            for (NewTopic topic : topics()) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create test topics; is Kafka up (scripts/infra.sh up)?", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    /** Sends the values under one key, in order, as a service would (JSON of the events contracts; null: a tombstone). */
    public static void send(String topic, String key, Object... values) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            for (Object value : values) {
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }

    /** Sends bytes as they are: what a broken or hostile producer could write. */
    public static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** The receipts for this erasure on the receipts topic, once there are {@code n} (each keyed by its user id). */
    public static List<ErasureReceipt> receipts(String topic, UUID erasureId, int n) {
        List<ErasureReceipt> found = new ArrayList<>();
        try (KafkaConsumer<String, ErasureReceipt> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ErasureReceiptDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, ErasureReceipt> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && erasureId.equals(r.value().erasureId())) {
                        assertThat(r.key()).isEqualTo(r.value().userId());
                        found.add(r.value());
                    }
                }
                return found.size() >= n;
            });
        }
        return found;
    }

    /** The dead letters under these keys on the service's dead-letter topic, once there are {@code n}. */
    public static List<DeadLetter> deadLetters(String topic, java.util.Set<String> keys, int n) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        java.util.Map<String, String> headers = new java.util.HashMap<>();
                        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                        found.add(new DeadLetter(r.key(), r.value() == null ? null
                                : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8), headers));
                    }
                }
                return found.size() >= n;
            });
        }
        return found;
    }

    /** A parked record: its key, its value as text, its headers ({@code dead-letter-reason}, {@code -topic}, ...). */
    public record DeadLetter(String key, String value, Map<String, String> headers) {
        public String reason() {
            return headers.get("dead-letter-reason");
        }
    }
}
