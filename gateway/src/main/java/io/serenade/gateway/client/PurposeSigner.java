package io.serenade.gateway.client;

import io.quarkus.runtime.Startup;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;
import io.serenade.gateway.config.PurposesConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Mints the {@link GrantedPurposes#HEADER} value of a call made for one user: the purposes they granted,
 * signed and bound to them, so a service can tell the gateway's word from a header anyone could write.
 */
@Startup // a missing or short signing key stops the gateway at boot, not at its first personalized request
@ApplicationScoped
public class PurposeSigner {

    private final PurposeToken token;

    public PurposeSigner(PurposesConfig config) {
        this.token = new PurposeToken(config.signingKey(), config.tokenLifetime());
    }

    /** Always a token, NONE included: a service that sees no header cannot tell "nothing granted" from a bypass. */
    public String sign(String userId, GrantedPurposes granted) {
        return token.sign(userId, granted, Instant.now());
    }
}
