package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.serenade.events.InteractionForgotten;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.serde.InteractionForgottenDeserializer;
import io.serenade.profile.repository.InteractionRepository;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** "Forget this": the event leaves the history, stays gone on redelivery, and is announced to other services. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ForgetTest {

    private final InteractionRepository repository;

    ForgetTest(InteractionRepository repository) {
        this.repository = repository;
    }

    @Test
    void forgettingAnEventDeletesItKeepsItDeletedAndAnnouncesIt() {
        String user = UUID.randomUUID().toString();
        InteractionRecorded kept = InteractionRepositoryTest.event(user, "t-1", Instant.parse("2026-11-01T10:00:00Z"));
        InteractionRecorded forgotten = InteractionRepositoryTest.event(user, "t-2", Instant.parse("2026-11-02T10:00:00Z"));
        insert(List.of(kept, forgotten));

        try (KafkaConsumer<String, InteractionForgotten> consumer = consumer()) {
            asGateway().delete("/internal/users/{u}/history/{e}", user, forgotten.eventId()).then().statusCode(204);

            asGateway().get("/internal/users/{u}/history", user).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].eventId", equalTo(kept.eventId().toString()));

            List<InteractionForgotten> announced = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, InteractionForgotten> r : consumer.poll(Duration.ofMillis(200))) {
                    if (user.equals(r.key())) {
                        announced.add(r.value());
                    }
                }
                return !announced.isEmpty();
            });
            assertThat(announced).singleElement().satisfies(f -> {
                assertThat(f.eventId()).isEqualTo(forgotten.eventId());
                assertThat(f.userId()).isEqualTo(user);
            });
        }

        assertThat(insert(List.of(forgotten))).as("a redelivered copy of a forgotten event is not stored again").isZero();
        asGateway().get("/internal/users/{u}/history", user).then().body("total", equalTo(1));
        asGateway().delete("/internal/users/{u}/history/{e}", user, forgotten.eventId()).then().statusCode(404);
    }

    @Test
    void anotherUsersEventIsNotFoundAndStays() {
        String owner = UUID.randomUUID().toString();
        InteractionRecorded e = InteractionRepositoryTest.event(owner, "t-1", Instant.parse("2026-11-01T10:00:00Z"));
        insert(List.of(e));

        asGateway().delete("/internal/users/{u}/history/{e}", "someone-else", e.eventId()).then().statusCode(404)
                .contentType("application/problem+json");
        asGateway().get("/internal/users/{u}/history", owner).then().body("total", equalTo(1));
    }

    @Test
    void aMalformedEventIdIsA400NamingIt() {
        asGateway().delete("/internal/users/{u}/history/{e}", "u-1", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("eventId"));
    }

    private int insert(List<InteractionRecorded> events) {
        try {
            // The repository runs in a Hibernate Reactive session, which needs a Vert.x context.
            return VertxContextSupport.subscribeAndAwait(() -> repository.insertIgnoringDuplicates(events));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, InteractionForgotten> consumer() {
        KafkaConsumer<String, InteractionForgotten> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "forget-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, InteractionForgottenDeserializer.class));
        consumer.subscribe(List.of(TestTopics.FORGOTTEN));
        // Join the group and take the partitions before the test publishes, so "latest" does not skip the event.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }
}
