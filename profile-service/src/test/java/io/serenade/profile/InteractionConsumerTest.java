package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.kit.messaging.DeadLetters;
import io.serenade.kit.testing.TestBroker;
import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History is fed from the real broker, exactly once per event id even when Kafka delivers an event twice; a record it
 * cannot store is parked on the dead-letter topic and the rest of its batch is stored.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class InteractionConsumerTest {

    private final Pool pool;
    private final MeterRegistry registry;

    InteractionConsumerTest(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
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

    /**
     * A poison record amid valid ones from other members: a search text PostgreSQL refuses (a NUL character), an
     * event without a type and bytes that are no event. Each is parked on the dead-letter topic with its reason;
     * the other members' events of the same batch are stored, and ingestion goes on after it.
     */
    @Test
    void aPoisonRecordIsParkedAndTheRestOfItsBatchIsStored() {
        String alice = UUID.randomUUID().toString(), bob = UUID.randomUUID().toString();
        String mallory = UUID.randomUUID().toString(), broken = UUID.randomUUID().toString(), partial = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-02T00:00:00Z");
        InteractionRecorded valid = InteractionRepositoryTest.event(mallory, "t-1", at);
        InteractionRecorded poison = new InteractionRecorded(1, UUID.randomUUID(), mallory, null, InteractionType.SEARCH, null,
                null, null, "nul\u0000text", null, at);
        InteractionRecorded typeless = new InteractionRecorded(1, UUID.randomUUID(), partial, "t-1", null, null,
                null, null, null, null, at);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            // One flush: the records meet in one poll, so the poison lands amid the others' batch.
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, alice, InteractionRepositoryTest.event(alice, "t-" + i, at.plusSeconds(i))));
                producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, bob, InteractionRepositoryTest.event(bob, "t-" + i, at.plusSeconds(i))));
                if (i == 10) {
                    producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, mallory, poison));
                    producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, partial, typeless));
                    producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, broken, "{\"eventId\": ".getBytes()));
                }
            }
            producer.flush();
            producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, mallory, valid));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(rows(alice)).isEqualTo(20);
            assertThat(rows(bob)).isEqualTo(20);
            assertThat(rows(mallory)).as("the poison parked, the member's next event stored").isEqualTo(1);
        });
        assertThat(rows(partial)).isZero();
        List<TestBroker.DeadLetter> parked = TestBroker.deadLetters(TestTopics.DEAD_LETTERS, Set.of(mallory, broken, partial), 3);
        assertThat(parked).extracting(TestBroker.DeadLetter::key).containsExactlyInAnyOrder(mallory, broken, partial);
        for (TestBroker.DeadLetter letter : parked) {
            assertThat(letter.headers()).containsEntry("dead-letter-topic", TestTopics.INTERACTIONS)
                    .containsEntry("dead-letter-service", "profile-service").containsKey("dead-letter-offset");
            String expected = letter.key().equals(mallory) ? "PgException SQLSTATE 22"
                    : letter.key().equals(partial) ? "incomplete" : "unreadable value";
            assertThat(letter.reason()).startsWith(expected);
        }
        assertThat(parked).filteredOn(l -> l.key().equals(mallory)).singleElement()
                .satisfies(l -> assertThat(l.value()).contains(poison.eventId().toString()));
        assertThat(parked).filteredOn(l -> l.key().equals(broken)).singleElement()
                .as("the bytes as they were on the topic").satisfies(l -> assertThat(l.value()).isEqualTo(new String(
                        new EventSerializer().serialize(TestTopics.INTERACTIONS, "{\"eventId\": ".getBytes()), StandardCharsets.UTF_8)));
        assertThat(registry.find(DeadLetters.PARKED).tag("channel", "interactions").counter()).isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(3.0));
    }

    private long rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1")
                .execute(Tuple.of(user)).await().indefinitely().iterator().next().getLong(0);
    }
}
