package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.MaturityRating;
import io.serenade.events.TitleUpserted;
import io.serenade.events.serde.EventSerializer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Titles are fed from the real broker; older, unreadable and tombstone records change nothing. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class CatalogConsumerTest {

    private final Pool pool;

    CatalogConsumerTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void aPublishedTitleLandsInTitlesAndStaleOrEmptyRecordsChangeNothing() throws Exception {
        String title = Variants.id("t");
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            producer.send(new ProducerRecord<>(TestTopics.CATALOG, title, titleEvent(title, "The Long Night", at)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(name(title)).isEqualTo("The Long Night"));

            producer.send(new ProducerRecord<>(TestTopics.CATALOG, title, titleEvent(title, "An Older Name", at.minusSeconds(60))));
            producer.send(new ProducerRecord<>(TestTopics.CATALOG, title, null));
            producer.send(new ProducerRecord<>(TestTopics.CATALOG, title, "{\"not\":\"a title\"".getBytes()));
            producer.send(new ProducerRecord<>(TestTopics.CATALOG, title, titleEvent(title, "The Long Night", at)));
            String marker = Variants.id("t");
            producer.send(new ProducerRecord<>(TestTopics.CATALOG, marker, titleEvent(marker, "Marker", at)));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(name(marker)).isEqualTo("Marker"));
        }
        assertThat(name(title)).isEqualTo("The Long Night");
    }

    private static TitleUpserted titleEvent(String id, String name, Instant updatedAt) {
        return new TitleUpserted(0, id, name, List.of("drama"), List.of(), List.of(), MaturityRating.SIXTEEN_PLUS, 2024,
                null, updatedAt);
    }

    private String name(String titleId) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT name FROM titles WHERE title_id = $1")
                .execute(Tuple.of(titleId)).await().indefinitely().iterator();
        return rows.hasNext() ? rows.next().getString(0) : null;
    }
}
