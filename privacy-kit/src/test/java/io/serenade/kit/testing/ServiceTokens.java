package io.serenade.kit.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.serenade.kit.identity.Callers;
import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens shaped like the provider's, signed with {@link TestIdentityProvider}'s key: a service identity's
 * (client credentials: {@code azp} is the client, audience {@value Callers#AUDIENCE}) and a member's (audience
 * {@code serenade-gateway}, realm role {@code user}), which no internal route accepts.
 */
public final class ServiceTokens {

    private ServiceTokens() {
    }

    /** A request as the gateway makes it. */
    public static RequestSpecification asGateway() {
        return as(Callers.GATEWAY);
    }

    /** A request as consent-service makes it (transparency, export). */
    public static RequestSpecification asConsent() {
        return as(Callers.CONSENT);
    }

    /** A request as an operator's tool makes it. */
    public static RequestSpecification asOperator() {
        return as(Callers.OPERATOR);
    }

    public static RequestSpecification as(String client) {
        return RestAssured.given().auth().oauth2(service(client));
    }

    /** A client-credentials token of {@code client}. */
    public static String service(String client) {
        return sign("service-account-" + client, Callers.AUDIENCE, client, "default-roles-serenade");
    }

    /** A member's token, as the app gets it: valid at the gateway, refused by every internal route. */
    public static String member(String subject) {
        return sign(subject, "serenade-gateway", "serenade-app", "user");
    }

    private static String sign(String subject, String audience, String client, String realmRole) {
        Instant now = Instant.now();
        return Jwt.issuer(TestIdentityProvider.ISSUER)
                .subject(subject)
                .audience(audience)
                .claim("azp", client)
                .claim("realm_access", Map.of("roles", List.of(realmRole)))
                .issuedAt(now.minusSeconds(5))
                .expiresAt(now.plusSeconds(600))
                .jws().sign(TestIdentityProvider.keys().getPrivate());
    }
}
