package io.serenade.consent;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.UUID;

import static io.serenade.kit.testing.ServiceTokens.asGateway;

/** Test helpers: fresh user ids (the test database outlives a run) and calls through the API. */
final class Consents {

    private Consents() {
    }

    static String user() {
        return "u-" + UUID.randomUUID();
    }

    static ValidatableResponse put(String user, String body) {
        return asGateway().contentType(ContentType.JSON).body(body).put("/internal/users/{u}/consents", user).then();
    }

    static int ledgerRows(String user) {
        return asGateway().get("/internal/users/{u}/consents/history", user).then().statusCode(200)
                .extract().path("total");
    }
}
