package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** History is fed from the real broker, exactly once per event id even when Kafka delivers an event twice. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class InteractionConsumerTest {

    private final Pool pool;

    InteractionConsumerTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void thousandEventsWithARedeliveredDuplicateGiveExactlyThousandRows() throws Exception {
        String user = UUID.randomUUID().toString();
        List<InteractionRecorded> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            events.add(InteractionRepositoryTest.event(user, "t-" + (i % 37), start.plusSeconds(i)));
        }
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            for (InteractionRecorded e : events) {
                producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, e));
            }
            // The same event again, as after a producer retry or a consumer redelivery.
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, events.get(500)));
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, user, "{\"not\":\"an event\"".getBytes()));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows(user)).isEqualTo(1000));
        // Give a late duplicate time to land, then check nothing changed.
        Thread.sleep(1000);
        assertThat(rows(user)).isEqualTo(1000);
    }

    private long rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1")
                .execute(Tuple.of(user)).await().indefinitely().iterator().next().getLong(0);
    }
}
