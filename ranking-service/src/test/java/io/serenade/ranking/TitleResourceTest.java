package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.serenade.events.TitleUpserted;
import io.serenade.events.serde.TitleUpsertedDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TitleResourceTest {

    static final String VALID = """
            {"name":"The Long Night","genres":["drama","thriller"],"themes":["family"],"moods":["dark"],
             "maturityRating":"16+","releaseYear":2024}""";

    @Test
    void putCreatesThenReplacesATitleAndPublishesIt() {
        String id = "t-" + UUID.randomUUID();
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/titles/{id}", id)
                .then().statusCode(200).body("titleId", equalTo(id)).body("genres", contains("drama", "thriller"));
        asGateway().contentType(ContentType.JSON).body(VALID.replace("The Long Night", "The Longer Night"))
                .put("/internal/titles/{id}", id).then().statusCode(200);
        asGateway().get("/internal/titles/{id}", id).then().statusCode(200)
                .body("name", equalTo("The Longer Night")).body("maturityRating", equalTo("16+"));

        try (KafkaConsumer<String, TitleUpserted> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "title-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new TitleUpsertedDeserializer())) {
            consumer.subscribe(List.of(TestTopics.CATALOG));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, TitleUpserted> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(id) && r.value().name().equals("The Longer Night")) {
                        assertThat(r.value().genres()).containsExactly("drama", "thriller");
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void badTitlesAre400ProblemsNamingTheFieldAndStoreNothing() {
        String id = "t-" + UUID.randomUUID();
        rejected(id, VALID.replace("\"thriller\"", "\"Sci Fi!\""), "genres[1]");
        rejected(id, VALID.replace("[\"drama\",\"thriller\"]", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]"), "genres");
        rejected(id, VALID.replace("[\"drama\",\"thriller\"]", "[]"), "genres");
        rejected(id, VALID.replace("\"name\":\"The Long Night\",", ""), "name");
        rejected(id, VALID.replace("\"16+\"", "\"21+\""), "maturityRating");
        rejected(id, VALID.replace("2024", "1500"), "releaseYear");
        rejected(id, VALID.replace("2024", "\"soon\""), "releaseYear");
        asGateway().contentType(ContentType.JSON).body("{").put("/internal/titles/{id}", id)
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/titles/{id}", "x".repeat(65))
                .then().statusCode(400).body("errors.field", hasItem("titleId"));
        asGateway().queryParam("page", "abc").get("/internal/titles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        asGateway().queryParam("size", "501").get("/internal/titles").then().statusCode(400).body("errors.field", hasItem("size"));
        asGateway().get("/internal/titles/{id}", id).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(id));
    }

    private static void rejected(String id, String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).put("/internal/titles/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
