package io.serenade.ranking;

import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.awaitility.Awaitility.await;

/** Publishing to the test topics as the other services would, keyed by user id. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Sends one record per value, in order; a null value is a tombstone. */
    public static void send(String topic, String key, Object... values) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            for (Object value : values) {
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
    }

    /** Sends bytes as they are: a value no deserializer can read. */
    public static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** The user's consent as consent-service publishes it: the listed purposes granted, everything else absent. */
    public static ConsentChanged consent(String user, Instant changedAt, String... granted) {
        return new ConsentChanged(0, user, Arrays.stream(granted).collect(Collectors.toMap(Function.identity(), p -> ConsentState.GRANTED)),
                granted.length == 0 ? null : granted[0], "2026-01", "api", changedAt);
    }

    /** Grants the purposes to each user in ranking's consent view, through the topic, and waits until applied. */
    public static void grant(Iterable<String> users, String... purposes) {
        Instant now = Instant.now();
        for (String user : users) {
            send(TestTopics.CONSENT_CHANGES, user, consent(user, now, purposes));
        }
        for (String user : users) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    asOperator().get("/internal/consent-view/{u}", user).statusCode() == 200);
        }
    }
}
