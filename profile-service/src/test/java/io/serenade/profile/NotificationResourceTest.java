package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.serde.DataUseRecordedDeserializer;
import io.vertx.mutiny.sqlclient.Pool;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Notification pacing through REST, on the real database and broker. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class NotificationResourceTest {

    /** Settings with no quiet hours, so that results do not depend on the hour the test runs at. */
    private static final String NO_QUIET_ONE_A_DAY = """
            {"perDay":1,"perWeek":3,"quietStart":"12:00","quietEnd":"12:00"}""";

    private final Pool pool;

    NotificationResourceTest(Pool pool) {
        this.pool = pool;
    }

    private static JsonPath decide(String user, String kind, String urgency) {
        return asGateway().contentType(ContentType.JSON)
                .body("{\"userId\":\"%s\",\"kind\":\"%s\",\"urgency\":\"%s\"}".formatted(user, kind, urgency))
                .post("/internal/notifications/decisions")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static void settings(String user, String body) {
        asGateway().contentType(ContentType.JSON).body(body).put("/internal/users/{u}/notifications/settings", user)
                .then().statusCode(200);
    }

    @Test
    void withoutConsentInItsOwnViewTheServiceDenies() {
        String user = UUID.randomUUID().toString();
        JsonPath d = decide(user, "new-episode", "HIGH");
        assertThat(d.getString("decision")).isEqualTo("DENY");
        assertThat(d.getString("reason.code")).isEqualTo("no-consent");
        assertThat(d.getString("reason.text")).isNotBlank();
        assertThat(d.getString("deferUntil")).isNull();

        TestData.consent(pool, user, "personalization"); // another purpose does not count
        assertThat(decide(user, "new-episode", "HIGH").getString("reason.code")).isEqualTo("no-consent");
    }

    @Test
    void aDecisionWithoutConsentIsNeitherStoredNorRecordedAsADataUse() {
        String unknown = UUID.randomUUID().toString(); // e.g. an erased user: no view at all
        String withdrawn = UUID.randomUUID().toString();
        TestData.consent(pool, withdrawn, "personalization");
        String consented = UUID.randomUUID().toString();
        TestData.consent(pool, consented, "notifications");
        try (KafkaConsumer<String, DataUseRecorded> consumer = TestData.consumer(TestTopics.DATA_USE, DataUseRecordedDeserializer.class)) {
            assertThat(decide(unknown, "new-episode", "NORMAL").getString("reason.code")).isEqualTo("no-consent");
            assertThat(decide(withdrawn, "new-episode", "NORMAL").getString("reason.code")).isEqualTo("no-consent");
            decide(consented, "new-episode", "NORMAL"); // published after the others, on its own key
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.contains(consented);
            });
            assertThat(keys).doesNotContain(unknown, withdrawn);
        }
        assertThat(TestData.count(pool, "notification_decisions", unknown)).isZero();
        assertThat(TestData.count(pool, "notification_decisions", withdrawn)).isZero();
        assertThat(TestData.count(pool, "notification_decisions", consented)).isEqualTo(1);
        asGateway().get("/internal/users/{u}/notifications/decisions", withdrawn).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void theDataUsePublishGivesUpBeforeTheGatewayDoes() {
        // Published inside the decision while the gateway waits 2 s: blocking plus delivery must stay within 1.5 s.
        Config config = ConfigProvider.getConfig();
        long maxBlock = config.getValue("mp.messaging.outgoing.data-use.max.block.ms", Long.class);
        long delivery = config.getValue("mp.messaging.outgoing.data-use.delivery.timeout.ms", Long.class);
        long request = config.getValue("mp.messaging.outgoing.data-use.request.timeout.ms", Long.class);
        assertThat(maxBlock + delivery).isLessThanOrEqualTo(1_500);
        assertThat(request).isLessThanOrEqualTo(delivery);
    }

    @Test
    void oneADayThenDeferredToTheNextLocalDayAndEveryDecisionIsListed() {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "notifications");
        settings(user, NO_QUIET_ONE_A_DAY);

        JsonPath first = decide(user, "new-episode", "NORMAL");
        assertThat(first.getString("decision")).isEqualTo("ALLOW");
        assertThat(first.getString("reason.code")).isEqualTo("allowed");
        assertThat(first.getString("id")).isNotBlank();

        JsonPath second = decide(user, "reminder", "NORMAL");
        assertThat(second.getString("decision")).isEqualTo("DEFER");
        assertThat(second.getString("reason.code")).isEqualTo("daily-cap");
        Instant decidedAt = Instant.parse(second.getString("decidedAt"));
        // No profile: the user's days are UTC days.
        assertThat(Instant.parse(second.getString("deferUntil")))
                .isEqualTo(decidedAt.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));

        JsonPath low = decide(user, "digest", "LOW");
        assertThat(low.getString("decision")).isEqualTo("DENY");
        assertThat(low.getString("reason.code")).isEqualTo("daily-cap");

        JsonPath repeat = decide(user, "new-episode", "HIGH");
        assertThat(repeat.getString("decision")).isEqualTo("DENY");
        assertThat(repeat.getString("reason.code")).isEqualTo("repeat-window");

        asGateway().get("/internal/users/{u}/notifications/decisions", user).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items[0].id", equalTo(repeat.getString("id")))
                .body("items[0].reason.code", equalTo("repeat-window"))
                .body("items[3].id", equalTo(first.getString("id")))
                .body("items[3].kind", equalTo("new-episode"))
                .body("items[3].urgency", equalTo("NORMAL"))
                .body("items[3].decision", equalTo("ALLOW"))
                .body("items[3].deferUntil", nullValue())
                .body("items[2].deferUntil", notNullValue());
        asGateway().queryParam("page", 1).queryParam("size", 3).get("/internal/users/{u}/notifications/decisions", user)
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(4))
                .body("items[0].id", equalTo(first.getString("id")));
    }

    @Test
    void quietHoursAreTheUsersLocalHoursAndHighUrgencyIgnoresThem() {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "notifications");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        asGateway().contentType(ContentType.JSON).body("""
                        {"locale":"ja-JP","timeZone":"Asia/Tokyo","maturityRating":"all","favouriteGenres":[]}""")
                .put("/internal/users/{u}/profile", user).then().statusCode(200);
        // Quiet hours around the current hour in Tokyo, whatever hour the test runs at.
        LocalTime local = ZonedDateTime.now(tokyo).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime start = local.minusHours(1);
        LocalTime end = local.plusHours(1);
        settings(user, """
                {"perDay":5,"perWeek":20,"quietStart":"%s","quietEnd":"%s"}""".formatted(start.format(hhmm), end.format(hhmm)));

        JsonPath normal = decide(user, "new-episode", "NORMAL");
        assertThat(normal.getString("decision")).isEqualTo("DEFER");
        assertThat(normal.getString("reason.code")).isEqualTo("quiet-hours");
        ZonedDateTime until = Instant.parse(normal.getString("deferUntil")).atZone(tokyo);
        assertThat(until.toLocalTime()).isEqualTo(end);
        assertThat(until.toInstant()).isAfter(Instant.parse(normal.getString("decidedAt")))
                .isBefore(Instant.parse(normal.getString("decidedAt")).plus(Duration.ofHours(2)));

        assertThat(decide(user, "new-episode", "LOW").getString("reason.code")).isEqualTo("quiet-hours");
        assertThat(decide(user, "security-alert", "HIGH").getString("decision")).isEqualTo("ALLOW");
    }

    @Test
    void eachKindHasItsConfiguredRepeatWindow() {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "notifications");
        settings(user, NO_QUIET_ONE_A_DAY.replace("\"perDay\":1", "\"perDay\":10").replace("\"perWeek\":3", "\"perWeek\":50"));
        // flash-test has a window of 0s in the test configuration; other kinds the default 24h.
        assertThat(decide(user, "flash-test", "NORMAL").getString("decision")).isEqualTo("ALLOW");
        assertThat(decide(user, "flash-test", "NORMAL").getString("decision")).isEqualTo("ALLOW");
        assertThat(decide(user, "new-episode", "NORMAL").getString("decision")).isEqualTo("ALLOW");
        assertThat(decide(user, "new-episode", "NORMAL").getString("reason.code")).isEqualTo("repeat-window");
    }

    @Test
    void concurrentDecisionsForOneUserDoNotBothPassTheCap() throws Exception {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "notifications");
        settings(user, NO_QUIET_ONE_A_DAY);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String kind = "kind-" + i;
                calls.add(() -> decide(user, kind, "NORMAL").getString("decision"));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : threads.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn("ALLOW"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("DEFER"::equals).hasSize(7);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDecisionOnTheUsersDataRecordsItsUse() {
        String user = UUID.randomUUID().toString();
        TestData.consent(pool, user, "notifications");
        try (KafkaConsumer<String, DataUseRecorded> consumer = TestData.consumer(TestTopics.DATA_USE, DataUseRecordedDeserializer.class)) {
            String id = decide(user, "new-episode", "NORMAL").getString("id");
            List<DataUseRecorded> uses = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, DataUseRecorded> r : consumer.poll(Duration.ofMillis(200))) {
                    if (user.equals(r.key())) {
                        uses.add(r.value());
                    }
                }
                return !uses.isEmpty();
            });
            assertThat(uses).singleElement().satisfies(u -> {
                assertThat(u.requestId()).isEqualTo(id);
                assertThat(u.userId()).isEqualTo(user);
                assertThat(u.purposes()).containsExactly("notifications");
                assertThat(u.dataCategories()).containsExactly("profile", "notification-decisions");
                assertThat(u.services()).containsExactly("profile-service");
                assertThat(u.occurredAt()).isNotNull();
            });
        }
    }

    @Test
    void settingsHaveDefaultsAndAPutReplacesThem() {
        String user = UUID.randomUUID().toString();
        asGateway().get("/internal/users/{u}/notifications/settings", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("perDay", equalTo(1)).body("perWeek", equalTo(3))
                .body("quietStart", equalTo("22:00")).body("quietEnd", equalTo("08:00"))
                .body("updatedAt", nullValue());
        asGateway().contentType(ContentType.JSON).body("""
                        {"perDay":2,"perWeek":10,"quietStart":"23:30","quietEnd":"07:15"}""")
                .put("/internal/users/{u}/notifications/settings", user).then().statusCode(200)
                .body("perDay", equalTo(2)).body("quietEnd", equalTo("07:15")).body("updatedAt", notNullValue());
        asGateway().get("/internal/users/{u}/notifications/settings", user).then().statusCode(200)
                .body("perWeek", equalTo(10)).body("quietStart", equalTo("23:30"));
    }

    @Test
    void anotherUsersSettingsAndDecisionsDoNotLeak() {
        String owner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        TestData.consent(pool, owner, "notifications");
        settings(owner, NO_QUIET_ONE_A_DAY.replace("\"perDay\":1", "\"perDay\":7"));
        decide(owner, "new-episode", "NORMAL");

        asGateway().get("/internal/users/{u}/notifications/settings", other).then().statusCode(200)
                .body("perDay", equalTo(1)).body("userId", equalTo(other));
        asGateway().get("/internal/users/{u}/notifications/decisions", other).then().statusCode(200)
                .body("total", equalTo(0)).body("items.size()", equalTo(0));
        // The owner's consent is not the other user's, nor are the owner's caps.
        assertThat(decide(other, "new-episode", "NORMAL").getString("reason.code")).isEqualTo("no-consent");
    }

    @Test
    void badDecisionRequestsAre400ProblemsNamingTheField() {
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":\"New Episode\",\"urgency\":\"NORMAL\"}", "kind");
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":\"" + "a".repeat(41) + "\",\"urgency\":\"NORMAL\"}", "kind");
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":\"9lives\",\"urgency\":\"NORMAL\"}", "kind");
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":\"new-episode\",\"urgency\":\"URGENT\"}", "urgency");
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":\"new-episode\"}", "urgency");
        assertDecisionRejected("{\"kind\":\"new-episode\",\"urgency\":\"LOW\"}", "userId");
        assertDecisionRejected("{\"userId\":\"../etc\",\"kind\":\"new-episode\",\"urgency\":\"LOW\"}", "userId");
        assertDecisionRejected("{\"userId\":\"u-1\",\"kind\":[1],\"urgency\":\"LOW\"}", "kind");
        asGateway().contentType(ContentType.JSON).body("{\"userId\": ").post("/internal/notifications/decisions")
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().contentType(ContentType.JSON).post("/internal/notifications/decisions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badSettingsAndParametersAre400ProblemsAndChangeNothing() {
        String user = UUID.randomUUID().toString();
        assertSettingsRejected(user, "{\"perDay\":11,\"perWeek\":3,\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\"}", "perDay");
        assertSettingsRejected(user, "{\"perDay\":-1,\"perWeek\":3,\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\"}", "perDay");
        assertSettingsRejected(user, "{\"perDay\":1,\"perWeek\":51,\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\"}", "perWeek");
        assertSettingsRejected(user, "{\"perDay\":1,\"perWeek\":3,\"quietStart\":\"24:00\",\"quietEnd\":\"08:00\"}", "quietStart");
        assertSettingsRejected(user, "{\"perDay\":1,\"perWeek\":3,\"quietStart\":\"22:00\",\"quietEnd\":\"8am\"}", "quietEnd");
        assertSettingsRejected(user, "{\"perWeek\":3,\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\"}", "perDay");
        assertSettingsRejected(user, "{\"perDay\":\"many\",\"perWeek\":3,\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\"}", "perDay");
        asGateway().get("/internal/users/{u}/notifications/settings", user).then().body("updatedAt", nullValue());

        asGateway().get("/internal/users/{u}/notifications/settings", "bad user").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        asGateway().get("/internal/users/{u}/notifications/decisions", "x".repeat(65)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        asGateway().queryParam("size", 101).get("/internal/users/{u}/notifications/decisions", user).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        asGateway().queryParam("page", "-1").get("/internal/users/{u}/notifications/decisions", user).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    private static void assertDecisionRejected(String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).post("/internal/notifications/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    private static void assertSettingsRejected(String user, String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).put("/internal/users/{u}/notifications/settings", user)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
