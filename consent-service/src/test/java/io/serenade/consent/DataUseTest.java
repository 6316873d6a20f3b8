package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.consent.service.DataUseService;
import io.serenade.events.DataUseRecorded;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The data-use log: from the topic (the real broker) into the database, and out through the route. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class DataUseTest {

    private final DataUseService dataUse;

    DataUseTest(DataUseService dataUse) {
        this.dataUse = dataUse;
    }

    @Test
    void recordsArriveFromTheTopicOnceEachAndAreShownNewestFirst() {
        String user = Consents.user();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DataUseRecorded older = record(user, "r-1", now.minus(Duration.ofHours(2)));
        DataUseRecorded newer = new DataUseRecorded(DataUseRecorded.VERSION, "r-2", user, List.of("personalization", "artwork-personalization"),
                List.of("interaction-history", "artwork-context"), List.of("ranking-service", "artwork-service"), now.minus(Duration.ofHours(1)));
        Kafka.send(TestTopics.DATA_USE, user, older);
        Kafka.send(TestTopics.DATA_USE, user, newer);
        Kafka.send(TestTopics.DATA_USE, user, older); // delivered twice: stored once

        await().atMost(Duration.ofSeconds(30)).until(() -> total(user) == 2);
        String marker = Consents.user();
        // Same key, so same partition: once the marker is stored, the repeated record before it was consumed too.
        Kafka.send(TestTopics.DATA_USE, user, record(marker, "m", now));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(marker) == 1);
        assertThat(total(user)).isEqualTo(2);

        asGateway().get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.requestId", contains("r-2", "r-1"))
                .body("items[0].purposes", contains("personalization", "artwork-personalization"))
                .body("items[0].dataCategories", contains("interaction-history", "artwork-context"))
                .body("items[0].services", contains("ranking-service", "artwork-service"))
                .body("items[1].occurredAt", equalTo(older.occurredAt().toString()));
        asGateway().queryParam("size", 1).queryParam("page", 1).get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("total", equalTo(2)).body("items.requestId", contains("r-1"));
    }

    @Test
    void theWindowDefaultsToTheLastThirtyDaysAndCanBeChosen() {
        String user = Consents.user();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Kafka.send(TestTopics.DATA_USE, user, record(user, "recent", now.minus(Duration.ofDays(2))));
        Kafka.send(TestTopics.DATA_USE, user, record(user, "last-quarter", now.minus(Duration.ofDays(60))));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(user, now.minus(Duration.ofDays(365)), now) == 2);

        asGateway().get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("total", equalTo(1)).body("items.requestId", contains("recent"));
        asGateway().queryParam("from", now.minus(Duration.ofDays(90)).toString()).queryParam("to", now.minus(Duration.ofDays(30)).toString())
                .get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("total", equalTo(1)).body("items.requestId", contains("last-quarter"));
        asGateway().queryParam("to", now.minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.ofHours(2)).toString())
                .get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("items.requestId", contains("recent"));
    }

    @Test
    void anotherUsersLogIsNeverShown() {
        String user = Consents.user();
        String other = Consents.user();
        Kafka.send(TestTopics.DATA_USE, user, record(user, "mine", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(user) == 1);
        asGateway().get("/internal/users/{u}/data-use", other).then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void badParametersAre400ProblemsNamingThem() {
        rejected("from", "yesterday", null);
        rejected("from", "2026-11-24", null);
        rejected("to", "2026-11-24T25:00:00Z", null);
        rejected("from", "2026-11-24T10:00:00Z", "2026-11-23T10:00:00Z"); // from after to
        // Years that parse but lie outside [2000, 2100]: once a 500 from the window arithmetic or PostgreSQL.
        rejected("to", "+999999999-12-31T23:59:59Z", null);
        rejected("from", "-999999999-01-01T00:00:00Z", null);
        rejected("from", "+999999999-12-31T23:59:59Z", "2026-11-23T10:00:00Z");
        rejected("from", "1999-12-31T23:59:59Z", "2026-11-23T10:00:00Z");
        rejected("to", "2101-01-01T00:00:00Z", null);
        rejected("to", "2100-12-31T23:00:00-01:00", null); // 2101 in UTC
        for (String size : new String[]{"0", "201", "abc"}) {
            asGateway().queryParam("size", size).get("/internal/users/{u}/data-use", "u1").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("size"));
        }
        asGateway().queryParam("page", "-1").get("/internal/users/{u}/data-use", "u1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
        asGateway().get("/internal/users/{u}/data-use", "bad user").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
    }

    @Test
    void thePurgeDeletesRecordsPastTheirRetentionOnly() {
        String user = Consents.user();
        Instant now = Instant.now();
        Kafka.send(TestTopics.DATA_USE, user, record(user, "old", now.minus(Duration.ofDays(400))));
        Kafka.send(TestTopics.DATA_USE, user, record(user, "young", now.minus(Duration.ofDays(10))));
        Instant yearsAgo = now.minus(Duration.ofDays(1000));
        // Up to a minute: when this runs first after a restart, the consumer may still be joining its group (a member of
        // the previous run is only dropped after the session timeout).
        await().atMost(Duration.ofSeconds(60)).until(() -> total(user, yearsAgo, now) == 2);

        dataUse.purgeBefore(now.minus(Duration.ofDays(365))).await().atMost(Duration.ofSeconds(10));

        asGateway().queryParam("from", yearsAgo.toString()).queryParam("to", now.toString())
                .get("/internal/users/{u}/data-use", user).then().statusCode(200)
                .body("total", equalTo(1)).body("items.requestId", contains("young"));
    }

    @Test
    void unreadableAndIncompleteRecordsAreSkippedWithoutStoppingTheConsumer() {
        String user = Consents.user();
        Kafka.send(TestTopics.DATA_USE, user, "not an event");
        Kafka.send(TestTopics.DATA_USE, user, new DataUseRecorded(1, null, user, List.of(), List.of(), List.of(), Instant.now()));
        Kafka.send(TestTopics.DATA_USE, user, record(user, "fine", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(user) == 1);
    }

    static DataUseRecorded record(String user, String requestId, Instant at) {
        return new DataUseRecorded(DataUseRecorded.VERSION, requestId, user, List.of("personalization"),
                List.of("profile", "interaction-history"), List.of("gateway", "ranking-service"), at);
    }

    static int total(String user) {
        return asGateway().get("/internal/users/{u}/data-use", user).then().statusCode(200).extract().path("total");
    }

    private static int total(String user, Instant from, Instant to) {
        return asGateway().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/internal/users/{u}/data-use", user).then().statusCode(200).extract().path("total");
    }

    private static void rejected(String field, String from, String to) {
        var request = asGateway();
        if ("to".equals(field)) {
            request.queryParam("to", from);
        } else {
            request.queryParam("from", from);
            if (to != null) {
                request.queryParam("to", to);
            }
        }
        request.get("/internal/users/{u}/data-use", "u1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }
}
