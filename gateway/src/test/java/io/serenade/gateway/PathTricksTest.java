package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

    @TestHTTPResource("/")
    URL url;

    @ParameterizedTest
    @CsvSource({"/api/v1/me/%2e%2e/admin/titles, 401", "//api/v1/me/home, 401", "/api/v1/me/./home, 401",
            "/api/v1/me/home/, 401", "/api/v1/me%2Fhome, 404", "/api/v1/me/home;x=1, 401", "/api/v1/me/..;/admin/titles, 404"})
    // 401: the path is normalized onto a protected route, which wants a token; 404: it matches no route at all.
    void pathTricksWithoutATokenNeverReachUserData(String path, int status) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(status).contentType("application/problem+json");
        assertThat(stub.seen()).isEmpty();
    }

    @Test
    void anOverLongUriIsA414Problem() {
        given().urlEncodingEnabled(false).get("/api/v1/purposes?x=" + "a".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414)).body("type", equalTo("urn:serenade:problem:uri-too-long"));
        assertThat(stub.seen()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me/%zz", "/api/v1/purposes/%", "/api/v1/me/home%"})
    void aPathThatIsNoUriIsA400FromTheServerItself(String path) throws IOException {
        // Over a plain socket: no client library sends such a path. Quarkus refuses a request whose URI does not parse
        // before any router or filter runs (VertxHttpRecorder), so this 400 has no body: the one refusal with none.
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400 ");
            assertThat(response.toLowerCase(Locale.ROOT)).contains("content-length: 0");
        }
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
