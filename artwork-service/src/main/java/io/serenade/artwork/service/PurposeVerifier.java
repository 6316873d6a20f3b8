package io.serenade.artwork.service;

import io.quarkus.runtime.Startup;
import io.serenade.artwork.config.PurposesConfig;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Turns the {@value GrantedPurposes#HEADER} header into the purposes a request may use, for the user the request
 * is about. Only a token the gateway signed for that user and that has not expired grants anything: a bare list, a
 * tampered or expired token, or another user's token grants nothing (fail closed). Created at start-up, so a
 * missing or short signing key stops the service instead of failing its first request.
 */
@Startup
@ApplicationScoped
public class PurposeVerifier {

    private final PurposeToken token;

    public PurposeVerifier(PurposesConfig config) {
        this.token = new PurposeToken(config.signingKey(), config.tokenLifetime());
    }

    public GrantedPurposes verify(String header, String userId) {
        return token.verify(header, userId, Instant.now());
    }
}
