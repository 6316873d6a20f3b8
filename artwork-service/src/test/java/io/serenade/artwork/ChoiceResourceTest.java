package io.serenade.artwork;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ChoiceResourceTest {

    private static final String CONSENTED = GrantedPurposes.parse(Purposes.ARTWORK_PERSONALIZATION).header();

    private final RedisDataSource redis;

    ChoiceResourceTest(RedisDataSource redis) {
        this.redis = redis;
    }

    @Test
    void aConsentingUserSeesTheSameVariantEveryTimeWithAFreshImpressionId() {
        String title = Variants.id("t");
        List<String> artworks = List.of(Variants.id("a"), Variants.id("a"), Variants.id("a"));
        artworks.forEach(a -> Variants.put(title, a, true));
        String user = Variants.id("u");

        JsonPath first = Variants.choose(user, List.of(title), CONSENTED);
        JsonPath second = Variants.choose(user, List.of(title), CONSENTED);

        assertThat(first.getString("choices[0].artworkId")).isIn(artworks)
                .isEqualTo(second.getString("choices[0].artworkId"));
        assertThat(first.getString("choices[0].impressionId")).isNotEqualTo(second.getString("choices[0].impressionId"));
        assertThat(first.getString("choices[0].policy")).isEqualTo("linucb");
        assertThat(first.getString("choices[0].imageUrl")).endsWith("/" + first.getString("choices[0].artworkId") + ".svg");
    }

    @Test
    void titlesWithoutAnEnabledVariantAreOmittedAndTheOrderIsKept() {
        String withVariant1 = Variants.id("t");
        String withVariant2 = Variants.id("t");
        String onlyDisabled = Variants.id("t");
        Variants.put(withVariant1, Variants.id("a"), true);
        Variants.put(withVariant2, Variants.id("a"), true);
        Variants.put(onlyDisabled, Variants.id("a"), false);

        JsonPath answer = Variants.choose(Variants.id("u"), List.of(withVariant2, Variants.id("t"), onlyDisabled, withVariant1), CONSENTED);

        assertThat(answer.getList("choices.titleId")).containsExactly(withVariant2, withVariant1);
    }

    @Test
    void aDisabledVariantIsNeverChosenWithOrWithoutConsent() {
        List<String> titles = new ArrayList<>();
        Set<String> disabled = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String title = Variants.id("t");
            titles.add(title);
            Variants.put(title, Variants.id("a"), true);
            Variants.put(title, Variants.id("a"), true);
            String off = Variants.id("a");
            Variants.put(title, off, true);
            Variants.put(title, off, false); // disabled after having been choosable
            disabled.add(off);
        }
        Set<String> chosen = new HashSet<>();
        for (int u = 0; u < 50; u++) {
            JsonPath answer = Variants.choose(Variants.id("u"), titles, u % 2 == 0 ? CONSENTED : null);
            assertThat(answer.getList("choices.titleId")).containsExactlyElementsOf(titles);
            chosen.addAll(answer.getList("choices.artworkId"));
        }
        // Two variants left per title, both shown (exploration reaches the second), the disabled one never.
        assertThat(chosen).doesNotContainAnyElementsOf(disabled).hasSizeGreaterThan(40);
    }

    @Test
    void impressionsAreCountedPerVariantInRedis() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, true);
        for (int i = 0; i < 3; i++) {
            Variants.choose(Variants.id("u"), List.of(title, title), null);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redis.hash(Long.class).hget("test:aw:impressions", artwork)).isEqualTo(6L));
    }

    @Test
    void aChoiceMayCarryTheViewingContext() {
        String title = Variants.id("t");
        Variants.put(title, Variants.id("a"), true);
        asGateway().contentType(ContentType.JSON)
                .body("{\"userId\":\"u1\",\"titleIds\":[\"" + title + "\"],\"context\":{\"device\":\"tv\",\"locale\":\"en-GB\","
                        + "\"timeZone\":\"Europe/London\",\"localTime\":\"21:30\"}}")
                .post("/internal/choices").then().statusCode(200).body("choices.size()", equalTo(1));
    }

    @Test
    void badBodiesAre400ProblemsNamingTheField() {
        String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[" + hundredAndOne + "]}", "titleIds");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[]}", "titleIds");
        assertRejected("{\"userId\":\"u1\"}", "titleIds");
        assertRejected("{\"titleIds\":[\"t1\"]}", "userId");
        assertRejected("{\"userId\":\"u 1\",\"titleIds\":[\"t1\"]}", "userId");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[\"t1\",\"t/2\"]}", "titleIds[1]");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[\"t1\",null]}", "titleIds[1]");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[\"t1\"],\"context\":{\"device\":\"TV set\"}}", "context.device");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[\"t1\"],\"context\":{\"timeZone\":\"Mars/Olympus\"}}", "context.timeZone");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":[\"t1\"],\"context\":{\"localTime\":\"25:99\"}}", "context.localTime");
        assertRejected("{\"userId\":\"u1\",\"titleIds\":\"t1\"}", "titleIds");
    }

    @Test
    void malformedOrMissingBodiesAre400Problems() {
        asGateway().contentType(ContentType.JSON).body("{\"userId\":").post("/internal/choices")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed request body"));
        asGateway().contentType(ContentType.JSON).post("/internal/choices")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertRejected(String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).post("/internal/choices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }
}
