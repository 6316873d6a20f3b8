package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ArtworkResourceTest {

    private static final String VALID = """
            {"imageUrl":"https://cdn.example.com/a/1.jpg?w=300","tags":["faces","ominous"],"dominantColour":"#1A2B3C",
             "enabled":true}""";

    private final Pool pool;

    ArtworkResourceTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void putCreatesThenReplacesAndListShowsTheVariants() {
        String title = Variants.id("t");
        String a1 = Variants.id("a");
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/titles/{t}/artwork/{a}", title, a1)
                .then().statusCode(200)
                .body("artworkId", equalTo(a1))
                .body("titleId", equalTo(title))
                .body("imageUrl", equalTo("https://cdn.example.com/a/1.jpg?w=300"))
                .body("tags", contains("faces", "ominous"))
                .body("dominantColour", equalTo("#1A2B3C"))
                .body("enabled", equalTo(true))
                .body("updatedAt", notNullValue());

        asGateway().contentType(ContentType.JSON).body("{\"tags\":[\"bright\"],\"enabled\":false}")
                .put("/internal/titles/{t}/artwork/{a}", title, a1)
                .then().statusCode(200)
                .body("imageUrl", equalTo("http://localhost:8080/api/v1/artwork/" + a1 + ".svg"))
                .body("tags", contains("bright"))
                .body("dominantColour", equalTo(null))
                .body("enabled", equalTo(false));

        String a0 = "0" + a1;
        asGateway().contentType(ContentType.JSON).body("{}").put("/internal/titles/{t}/artwork/{a}", title, a0)
                .then().statusCode(200).body("enabled", equalTo(true)).body("tags", empty());

        asGateway().get("/internal/titles/{t}/artwork", title).then().statusCode(200)
                .body("artworkId", contains(a0, a1))
                .body("enabled", contains(true, false));
    }

    @Test
    void aTitleWithoutVariantsListsNone() {
        asGateway().get("/internal/titles/{t}/artwork", Variants.id("t")).then().statusCode(200).body("$", empty());
    }

    @Test
    void anArtworkIdOfAnotherTitleIsAConflictAndChangesNothing() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, VALID);
        asGateway().contentType(ContentType.JSON).body("{}").put("/internal/titles/{t}/artwork/{a}", Variants.id("t"), artwork)
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("artworkId"));
        asGateway().get("/internal/titles/{t}/artwork", title).then().body("imageUrl", contains("https://cdn.example.com/a/1.jpg?w=300"));
    }

    @Test
    void badFieldsAre400ProblemsNamingTheFieldAndChangeNothing() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, VALID);

        assertRejected(title, artwork, VALID.replace("#1A2B3C", "#1A2B3"), "dominantColour");
        assertRejected(title, artwork, VALID.replace("#1A2B3C", "red"), "dominantColour");
        assertRejected(title, artwork, VALID.replace("https://cdn.example.com/a/1.jpg?w=300", "ftp://cdn.example.com/1.jpg"), "imageUrl");
        assertRejected(title, artwork, VALID.replace("https://cdn.example.com/a/1.jpg?w=300", "/relative/1.jpg"), "imageUrl");
        assertRejected(title, artwork, VALID.replace("https://cdn.example.com/a/1.jpg?w=300", "https://x.com/a\\\"onerror=\\\"x"), "imageUrl");
        assertRejected(title, artwork, VALID.replace("https://cdn.example.com/a/1.jpg?w=300", "javascript:alert(1)"), "imageUrl");
        assertRejected(title, artwork, VALID.replace("\"ominous\"", "\"Ominous\""), "tags[1]");
        assertRejected(title, artwork, VALID.replace("\"ominous\"", "null"), "tags[1]");
        assertRejected(title, artwork, VALID.replace("[\"faces\",\"ominous\"]",
                "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]"), "tags");

        asGateway().get("/internal/titles/{t}/artwork", title).then().statusCode(200)
                .body("dominantColour", contains("#1A2B3C"))
                .body("tags[0]", contains("faces", "ominous"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400Problems() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        asGateway().contentType(ContentType.JSON).body("{\"tags\": ").put("/internal/titles/{t}/artwork/{a}", title, artwork)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
        asGateway().contentType(ContentType.JSON).body("{\"enabled\":\"maybe\"}").put("/internal/titles/{t}/artwork/{a}", title, artwork)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("enabled"));
        asGateway().contentType(ContentType.JSON).body("{\"tags\":{\"a\":1}}").put("/internal/titles/{t}/artwork/{a}", title, artwork)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("tags"));
        asGateway().contentType(ContentType.JSON).put("/internal/titles/{t}/artwork/{a}", title, artwork)
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/internal/titles/{t}/artwork", title).then().statusCode(200).body("$", empty());
    }

    @Test
    void badIdsInPathsAre400Problems() {
        String ok = Variants.id("x");
        assertBadPath("/internal/titles/{t}/artwork/{a}", "titleId", "x".repeat(65), ok);
        assertBadPath("/internal/titles/{t}/artwork/{a}", "artworkId", ok, "bad id!");
        asGateway().contentType(ContentType.JSON).body(VALID).put("/internal/titles/{t}/artwork/{a}", ok, "a.b")
                .then().statusCode(400).body("errors.field", hasItem("artworkId"));
        asGateway().get("/internal/titles/{t}/artwork", "t:1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("titleId"));
        asGateway().get("/internal/artwork/{a}.svg", "a%1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("artworkId"));
    }

    @Test
    void encodedAndDottedPathsNeverReachAnotherRouteOrFail() {
        // Normalisation removes dot segments before routing; an encoded slash stays inside its segment, where the
        // id pattern rejects it. Either way the answer is a problem, never another resource and never a 5xx.
        Map<String, Integer> expected = Map.of(
                "/internal/titles/%2e%2e/artwork", 404,
                "/internal/titles/%2e/artwork/a1", 404,
                "/internal/titles/..;/artwork", 400,
                "/internal/titles/t1%2Fx/artwork", 400,
                "/internal/titles/..%2F..%2Fchoices/artwork", 400,
                "/internal/artwork/..%2Fchoices.svg", 400,
                "/internal/artwork/%2e%2e%2f%2e%2e%2finternal%2fchoices.svg", 400);
        expected.forEach((path, status) -> asGateway().urlEncodingEnabled(false).get(path).then()
                .statusCode(status).contentType("application/problem+json"));
        // A doubled slash is the same route, with the same validated parameters.
        asGateway().urlEncodingEnabled(false).get("/internal//titles/t1/artwork").then().statusCode(200);
    }

    @Test
    void thePosterIsAnSvgShowingTheTitleNameEscaped() throws Exception {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, "{\"tags\":[\"faces\",\"ominous\"],\"dominantColour\":\"#336699\"}");
        pool.preparedQuery("INSERT INTO titles (title_id, name) VALUES ($1, $2)")
                .execute(Tuple.of(title, "Tom & Jerry <script>alert(1)</script>")).await().indefinitely();

        String svg = asGateway().get("/internal/artwork/{a}.svg", artwork).then().statusCode(200)
                .contentType("image/svg+xml")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();

        assertThat(svg).contains("Tom &amp; Jerry").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("#336699").contains("<circle");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTagName())
                .isEqualTo("svg");
    }

    @Test
    void aPosterFallsBackToTheTitleIdAndAnUnknownArtworkIs404() {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        Variants.put(title, artwork, "{}");
        asGateway().get("/internal/artwork/{a}.svg", artwork).then().statusCode(200).body(containsString("<svg"));
        asGateway().get("/internal/artwork/{a}.svg", Variants.id("unknown")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    private static void assertRejected(String title, String artwork, String body, String field) {
        asGateway().contentType(ContentType.JSON).body(body).put("/internal/titles/{t}/artwork/{a}", title, artwork)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    private static void assertBadPath(String route, String field, String titleId, String artworkId) {
        asGateway().contentType(ContentType.JSON).body(VALID).put(route, titleId, artworkId)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
