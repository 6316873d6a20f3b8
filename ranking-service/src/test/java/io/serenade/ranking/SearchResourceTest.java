package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** Search through the real path: titles via the API, users' histories via the real broker. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SearchResourceTest {

    @Test
    void aTypoFindsTheTitleAndEachUsersFavouriteGenreRanksFirstForThem() {
        String run = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE).substring(0, 8);
        // Two equally relevant titles for the query word, one per genre; each user watched the other genre's titles.
        // The run's hex digits spelt as letters: a word (and genres) no earlier run's titles in the database share.
        String letters = run.chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).collect(Collectors.joining());
        String word = "zephyrine" + letters;
        String horror = put("s-" + run + "-h", word + " Night", "horror" + letters);
        String comedy = put("s-" + run + "-c", word + " Days", "comedy" + letters);
        String horrorFan = "hf-" + run, comedyFan = "cf-" + run;
        for (int i = 0; i < 3; i++) {
            put("s-" + run + "-h" + i, "Other fright " + i, "horror" + letters);
            put("s-" + run + "-c" + i, "Other laugh " + i, "comedy" + letters);
        }
        send(List.of(play(horrorFan, "s-" + run + "-h0"), play(horrorFan, "s-" + run + "-h1"), play(horrorFan, "s-" + run + "-h2"),
                play(comedyFan, "s-" + run + "-c0"), play(comedyFan, "s-" + run + "-c1"), play(comedyFan, "s-" + run + "-c2")));

        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5);   // two letters swapped
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(search(horrorFan, typo, "personalization").getList("results.titleId")).as("typo tolerated")
                    .contains(horror, comedy);
            assertThat(search(horrorFan, word, "personalization").getList("results.titleId", String.class).get(0)).isEqualTo(horror);
            assertThat(search(comedyFan, word, "personalization").getList("results.titleId", String.class).get(0)).isEqualTo(comedy);
        });
        JsonPath personal = search(horrorFan, word, "personalization");
        assertThat(personal.getBoolean("personalized")).isTrue();
        assertThat(personal.getList("results[0].reasons", String.class)).isNotEmpty();

        JsonPath plain = search(horrorFan, word, null);
        assertThat(plain.getBoolean("personalized")).isFalse();
        assertThat(plain.getString("notice")).contains("personalization");
        assertThat(plain.getList("results.personal", Double.class)).allMatch(p -> p == 0.0);

        // A bare list, a tampered, expired or forged token, or the comedy fan's token grants the horror fan nothing.
        for (String header : List.of("personalization", Tokens.tampered(horrorFan, "personalization"),
                Tokens.expired(horrorFan, "personalization"), Tokens.forged(horrorFan, "personalization"),
                Tokens.grant(comedyFan, "personalization"))) {
            JsonPath refused = asGateway().queryParam("q", word).queryParam("maturity", "18+").header(GrantedPurposes.HEADER, header)
                    .get("/internal/users/{u}/search", horrorFan).then().statusCode(200).extract().jsonPath();
            assertThat(refused.getBoolean("personalized")).as(header).isFalse();
            assertThat(refused.getList("results.personal", Double.class)).allMatch(p -> p == 0.0);
        }
    }

    @Test
    void badSearchParametersAre400ProblemsNamingThem() {
        rejected(Map.of(), "q");
        rejected(Map.of("q", "a"), "q");
        rejected(Map.of("q", "x".repeat(101)), "q");
        rejected(Map.of("q", "night", "hour", "24"), "hour");
        rejected(Map.of("q", "night", "limit", "0"), "limit");
        rejected(Map.of("q", "night", "limit", "many"), "limit");
        rejected(Map.of("q", "night", "maturity", "21+"), "maturity");
        rejected(Map.of("q", "night", "device", "TV!"), "device");
    }

    private static void rejected(Map<String, String> params, String field) {
        asGateway().queryParams(params).get("/internal/users/{u}/search", "u1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static JsonPath search(String user, String q, String purposes) {
        var request = asGateway().queryParam("q", q).queryParam("maturity", "18+").queryParam("device", "tv").queryParam("hour", "21");
        if (purposes != null) {
            request = request.header(GrantedPurposes.HEADER, Tokens.grant(user, purposes));
        }
        return request.get("/internal/users/{u}/search", user).then().statusCode(200).extract().jsonPath();
    }

    private static String put(String id, String name, String genre) {
        asGateway().contentType(ContentType.JSON)
                .body(Map.of("name", name, "genres", List.of(genre), "maturityRating", "13+", "releaseYear", 2020))
                .put("/internal/titles/{id}", id).then().statusCode(200);
        return id;
    }

    private static InteractionRecorded play(String user, String title) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY, null, null, null, null,
                new InteractionContext("tv", "en-GB", "Europe/London", LocalTime.of(21, 0)), Instant.now());
    }

    private static void send(List<InteractionRecorded> events) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class))) {
            events.forEach(e -> producer.send(new ProducerRecord<>(TestTopics.INTERACTIONS, e.userId(), e)));
            producer.flush();
        }
    }
}
