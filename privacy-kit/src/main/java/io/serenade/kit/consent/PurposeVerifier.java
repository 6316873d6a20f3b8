package io.serenade.kit.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the {@value GrantedPurposes#HEADER} header into the purposes a request may use, for the user the request is
 * about. Only a token the gateway signed for that user and that has not expired grants anything: a bare list, a
 * tampered or expired token, or another user's token grants nothing (fail closed). Created at start-up, so a missing
 * or short signing key stops the service instead of failing its first request.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = PurposeVerifier.ENABLED, stringValue = "true")
public class PurposeVerifier {

    /** Build-time switch: a service whose requests carry purpose tokens sets it, with serenade.purposes.signing-key. */
    public static final String ENABLED = "serenade.kit.purpose-tokens.enabled";

    private final PurposeToken token;
    private final Duration lifetime;

    public PurposeVerifier(@ConfigProperty(name = "serenade.purposes.signing-key") String signingKey,
                           // Must equal the gateway's; only verification uses it here (the expiry travels in the token).
                           @ConfigProperty(name = "serenade.purposes.token-lifetime", defaultValue = "30s") Duration lifetime) {
        this.token = new PurposeToken(signingKey, lifetime);
        this.lifetime = lifetime;
    }

    public GrantedPurposes verify(String header, String userId) {
        return token.verify(header, userId, Instant.now());
    }

    /** How long a token minted now may still be used: what was granted at minting can still be acted on that long. */
    public Duration tokenLifetime() {
        return lifetime;
    }
}
