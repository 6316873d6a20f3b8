package io.serenade.artwork;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.serenade.events.GrantedPurposes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;

/** Test helpers: fresh ids (the test database outlives a run) and variant PUTs through the API. */
final class Variants {

    private Variants() {
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static void put(String titleId, String artworkId, String body) {
        asGateway().contentType(ContentType.JSON).body(body)
                .put("/internal/titles/{t}/artwork/{a}", titleId, artworkId).then().statusCode(200);
    }

    static void put(String titleId, String artworkId, boolean enabled) {
        put(titleId, artworkId, "{\"tags\":[\"faces\"],\"enabled\":" + enabled + "}");
    }

    /**
     * A choice as the gateway asks for it, on a tv at 21:00, with a valid token granting the given purposes
     * (comma-separated; null: no header at all).
     */
    static JsonPath choose(String user, List<String> titles, String purposes) {
        return chooseWithHeader(user, titles, purposes == null ? null : Tokens.grant(user, purposes));
    }

    /** The same with the purposes header exactly as given (null: none). */
    static JsonPath chooseWithHeader(String user, List<String> titles, String header) {
        var request = asGateway().contentType(ContentType.JSON);
        if (header != null) {
            request.header(GrantedPurposes.HEADER, header);
        }
        return request.body(Map.of("userId", user, "titleIds", titles, "context",
                        Map.of("device", "tv", "locale", "en-GB", "localTime", "21:00")))
                .post("/internal/choices").then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
