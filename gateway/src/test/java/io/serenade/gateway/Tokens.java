package io.serenade.gateway;

import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bearer tokens signed with the WireMock OIDC server's key, shaped like the realm's (audience, realm roles). */
final class Tokens {

    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "serenade-gateway";

    private Tokens() {
    }

    static String user(String subject) {
        return token(subject, AUDIENCE, Instant.now().plusSeconds(600), "user");
    }

    static String admin(String subject) {
        return token(subject, AUDIENCE, Instant.now().plusSeconds(600), "user", "admin");
    }

    /** A back-end sender of notifications: a service account, not a user. */
    static String notifier(String subject) {
        return token(subject, AUDIENCE, Instant.now().plusSeconds(600), "notifier");
    }

    static String newUser() {
        return user(UUID.randomUUID().toString());
    }

    static String token(String subject, String audience, Instant expiresAt, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                .preferredUserName("name-" + subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .sign();
    }
}
