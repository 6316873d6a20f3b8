package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.serde.ConsentChangedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consent changes reach the real broker, keyed by user id and carrying the user's whole state. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentPublisherTest {

    private KafkaConsumer<String, ConsentChanged> consumer;

    @BeforeEach
    void readFromTheEnd() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsentChangedDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(TestTopics.CONSENT_CHANGES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: resolve it before the test publishes
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void eachChangePublishesTheWholeStateKeyedByUserAndANoOpPublishesNothing() {
        String user = Consents.user();
        Consents.put(user, "{\"consents\":{\"personalization\":\"GRANTED\",\"notifications\":\"DENIED\"},\"source\":\"tv\"}")
                .statusCode(200);
        Consents.put(user, "{\"consents\":{\"notifications\":\"DENIED\"}}").statusCode(200); // no-op
        Consents.put(user, "{\"consents\":{\"personalization\":\"WITHDRAWN\",\"notifications\":\"DENIED\"}}").statusCode(200);

        List<ConsumerRecord<String, ConsentChanged>> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (user.equals(r.key())) {
                    received.add(r);
                }
            });
            return received.size() >= 2;
        });
        consumer.poll(Duration.ofSeconds(1)).forEach(r -> assertThat(r.key()).as("no event for the no-op").isNotEqualTo(user));

        ConsentChanged first = received.get(0).value();
        assertThat(first.userId()).isEqualTo(user);
        assertThat(first.consents()).isEqualTo(Map.of("personalization", ConsentState.GRANTED, "notifications", ConsentState.DENIED));
        assertThat(first.changedPurpose()).isEqualTo("personalization,notifications");
        assertThat(first.source()).isEqualTo("tv");
        assertThat(first.policyVersion()).isEqualTo("2026-11");
        assertThat(first.changedAt()).isNotNull();

        ConsentChanged second = received.get(1).value();
        assertThat(second.consents()).as("the whole state, not only what changed")
                .isEqualTo(Map.of("personalization", ConsentState.WITHDRAWN, "notifications", ConsentState.DENIED));
        assertThat(second.changedPurpose()).isEqualTo("personalization");
        assertThat(second.permits("personalization")).isFalse();
    }
}
