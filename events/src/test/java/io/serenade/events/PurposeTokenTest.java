package io.serenade.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurposeTokenTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-bytes!";
    private final PurposeToken tokens = new PurposeToken(KEY, Duration.ofSeconds(30));
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final GrantedPurposes granted = new GrantedPurposes(Set.of(Purposes.PERSONALIZATION, Purposes.SEARCH_HISTORY));

    @Test
    void aTokenGrantsItsPurposesToItsUserUntilItExpires() {
        String header = tokens.sign("alice", granted, now);
        assertThat(tokens.verify(header, "alice", now)).isEqualTo(granted);
        assertThat(tokens.verify(header, "alice", now.plusSeconds(30))).isEqualTo(granted);
        assertThat(tokens.verify(header, "alice", now.plusSeconds(31))).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void aTokenForAnotherUserGrantsNothing() {
        assertThat(tokens.verify(tokens.sign("alice", granted, now), "bob", now)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void aTamperedOrForeignTokenGrantsNothing() {
        String header = tokens.sign("alice", granted, now);
        String morePurposes = header.replace("personalization,search-history", "personalization,artwork-personalization,search-history");
        String laterExpiry = header.replace("." + now.plusSeconds(30).toEpochMilli() + ".", "." + now.plusSeconds(3600).toEpochMilli() + ".");
        String otherKey = new PurposeToken(KEY + "-other", Duration.ofSeconds(30)).sign("alice", granted, now);
        for (String bad : new String[]{morePurposes, laterExpiry, otherKey, "personalization", "", "v1....", "v1.a.b.c.d",
                "v2" + header.substring(2), header + ".x", header.substring(0, header.length() - 2)}) {
            assertThat(tokens.verify(bad, "alice", now)).as(bad).isEqualTo(GrantedPurposes.NONE);
        }
        assertThat(tokens.verify(null, "alice", now)).isEqualTo(GrantedPurposes.NONE);
        assertThat(tokens.verify(header, null, now)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void userIdsWithDotsAndEmptyGrantsRoundTrip() {
        String header = tokens.sign("user.with.dots", GrantedPurposes.NONE, now);
        assertThat(tokens.verify(header, "user.with.dots", now)).isEqualTo(GrantedPurposes.NONE);
        String uuid = UUID.randomUUID().toString();
        assertThat(tokens.verify(tokens.sign(uuid, granted, now), uuid, now)).isEqualTo(granted);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PurposeToken("short", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDigestDependsOnWhatWasDeletedNotOnItsOrder() {
        UUID erasure = UUID.randomUUID();
        String digest = ErasureDigest.of(erasure, java.util.List.of("b", "a"));
        assertThat(digest).startsWith("sha256:").isEqualTo(ErasureDigest.of(erasure, java.util.List.of("a", "b")));
        assertThat(digest).isNotEqualTo(ErasureDigest.of(erasure, java.util.List.of("a")));
        assertThat(digest).isNotEqualTo(ErasureDigest.of(UUID.randomUUID(), java.util.List.of("a", "b")));
    }
}
