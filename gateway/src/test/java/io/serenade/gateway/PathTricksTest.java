package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoded and dotted paths without a token (the path-normalization CVE of the pinned Quarkus, docs/SECURITY.md),
 * against live stand-ins: a trick that reached a member's data would get the stand-ins' 200, so each exact refusal
 * here, with no call to any service, is the proof. The public purpose catalogue, by contrast, answers without one.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass = true)
class PathTricksTest extends StubbedServicesTest {

    @ParameterizedTest
    @CsvSource({"/api/v1/me/%2e%2e/admin/titles, 401", "//api/v1/me/home, 401", "/api/v1/me/./home, 401",
            "/api/v1/me/home/, 401", "/api/v1/me%2Fhome, 404", "/api/v1/me/home;x=1, 401", "/api/v1/me/..;/admin/titles, 404"})
    // 401: the path is normalized onto a protected route, which wants a token; 404: it matches no route at all.
    void pathTricksWithoutATokenNeverReachUserData(String path, int status) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(status);
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void thePurposeCatalogueNeedsNoToken() {
        given().get("/api/v1/purposes").then().statusCode(200);
        // A token that is not one is not looked at on a public route either: it grants nothing and takes nothing.
        given().auth().oauth2("not-a-jwt").get("/api/v1/purposes").then().statusCode(200);
        assertThat(stub.seen()).hasSize(2).allSatisfy(call -> assertThat(call.path()).isEqualTo("/internal/purposes"));
    }
}
