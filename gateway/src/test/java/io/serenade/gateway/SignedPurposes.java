package io.serenade.gateway;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Reads the purposes header the stand-in services received as a service would: verified for the user it names. */
final class SignedPurposes {

    /** %test.serenade.purposes.signing-key. */
    static final PurposeToken TOKEN = new PurposeToken("dev-only-purposes-signing-key-not-for-production", Duration.ofSeconds(30));

    private SignedPurposes() {
    }

    static GrantedPurposes verify(String header, String userId) {
        return TOKEN.verify(header, userId, Instant.now());
    }

    static GrantedPurposes of(String... purposes) {
        return new GrantedPurposes(Set.of(purposes));
    }
}
