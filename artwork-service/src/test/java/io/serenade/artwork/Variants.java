package io.serenade.artwork;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers: fresh ids (the test database outlives a run) and variant PUTs through the API. */
final class Variants {

    private Variants() {
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static void put(String titleId, String artworkId, String body) {
        given().contentType(ContentType.JSON).body(body)
                .put("/internal/titles/{t}/artwork/{a}", titleId, artworkId).then().statusCode(200);
    }

    static void put(String titleId, String artworkId, boolean enabled) {
        put(titleId, artworkId, "{\"tags\":[\"faces\"],\"enabled\":" + enabled + "}");
    }
}
