package io.serenade.artwork;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;

import java.time.Duration;
import java.time.Instant;

/** Purpose tokens as the gateway mints them, signed with the test key of application.properties. */
final class Tokens {

    static final String KEY = "dev-only-purposes-signing-key-not-for-production";
    private static final PurposeToken TOKEN = new PurposeToken(KEY, Duration.ofSeconds(30));

    private Tokens() {
    }

    /** A valid token granting {@code purposes} (comma-separated names) to {@code userId}. */
    static String grant(String userId, String purposes) {
        return TOKEN.sign(userId, GrantedPurposes.parse(purposes), Instant.now());
    }

    /** A token that expired a minute ago. */
    static String expired(String userId, String purposes) {
        return TOKEN.sign(userId, GrantedPurposes.parse(purposes), Instant.now().minus(Duration.ofSeconds(90)));
    }

    /** A valid token with its purposes rewritten after signing: the MAC no longer matches. */
    static String tampered(String userId, String purposes) {
        String token = grant(userId, "search-history");
        return token.replace(".search-history.", "." + GrantedPurposes.parse(purposes).header() + ".");
    }

    /** A token signed with another key. */
    static String forged(String userId, String purposes) {
        return new PurposeToken("not-the-key-the-service-knows-about-at-all", Duration.ofSeconds(30))
                .sign(userId, GrantedPurposes.parse(purposes), Instant.now());
    }
}
