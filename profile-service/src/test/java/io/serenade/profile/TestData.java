package io.serenade.profile;

import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Shortcuts for tests: rows written straight to the test database, and Kafka clients on the test topics. */
final class TestData {

    private TestData() {
    }

    /** Puts the user's consent view in place as if consent-changes had said so. */
    static void consent(Pool pool, String userId, String... granted) {
        pool.preparedQuery("""
                        INSERT INTO consent_view (user_id, purposes, changed_at) VALUES ($1, $2, now())
                        ON CONFLICT (user_id) DO UPDATE SET purposes = EXCLUDED.purposes, changed_at = EXCLUDED.changed_at""")
                .execute(Tuple.of(userId, granted)).await().indefinitely();
    }

    static void decision(Pool pool, String userId, String kind, String decision, Instant at) {
        pool.preparedQuery("""
                        INSERT INTO notification_decisions (id, user_id, kind, urgency, decision, reason, decided_at)
                        VALUES ($1, $2, $3, 'NORMAL', $4, $5, $6)""")
                .execute(Tuple.tuple(List.of(UUID.randomUUID(), userId, kind, decision,
                        "ALLOW".equals(decision) ? "allowed" : "daily-cap", at.atOffset(ZoneOffset.UTC))))
                .await().indefinitely();
    }

    static long count(Pool pool, String table, String userId) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE user_id = $1").execute(Tuple.of(userId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class));
    }

    /** A consumer that has joined its group and holds its partitions, so "latest" misses nothing sent afterwards. */
    static <T> KafkaConsumer<String, T> consumer(String topic, Class<? extends Deserializer<T>> deserializer) {
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "profile-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer));
        consumer.subscribe(List.of(topic));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }
}
