package io.serenade.kit.identity;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymsTest {

    private static final String KEY = "k".repeat(32);
    private static final String OTHER_KEY = "o".repeat(32);

    @Test
    void aPseudonymIsTheHmacOfTheIdUnderTheKeyAndNotItsPlainHash() throws Exception {
        Pseudonyms pseudonyms = new Pseudonyms(KEY, Optional.empty(), false);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("alice".getBytes(StandardCharsets.UTF_8)));
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("alice".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonyms.of("alice")).isEqualTo(expected).isNotEqualTo(plain).hasSize(64);
        assertThat(pseudonyms.of("alice")).isNotEqualTo(pseudonyms.of("bob"));
        assertThat(new Pseudonyms(OTHER_KEY, Optional.empty(), false).of("alice")).as("another key, another name").isNotEqualTo(expected);
    }

    @Test
    void duringARotationBothKeysAreLookedUpAndNewNamesUseTheNewKey() {
        Pseudonyms before = new Pseudonyms(KEY, Optional.empty(), false);
        Pseudonyms during = new Pseudonyms(OTHER_KEY, Optional.of(KEY), false);

        assertThat(during.of("alice")).isNotEqualTo(before.of("alice"));
        assertThat(during.all("alice")).containsExactly(during.of("alice"), before.of("alice"));
        assertThat(during.previousOf("alice")).isEqualTo(before.of("alice"));
        assertThat(before.all("alice")).containsExactly(before.of("alice"));
        assertThat(before.previousOf("alice")).isEqualTo(before.of("alice"));
        assertThat(new Pseudonyms(KEY, Optional.of(" "), false).all("alice")).as("a blank previous key is none").hasSize(1);
    }

    @Test
    void recordsFromBeforeKeyedPseudonymsAreFoundWhileAcceptedAndNeverWritten() throws Exception {
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("alice".getBytes(StandardCharsets.UTF_8)));
        Pseudonyms accepting = new Pseudonyms(KEY, Optional.empty(), true);

        assertThat(accepting.of("alice")).as("what is written is keyed").isNotEqualTo(plain);
        assertThat(accepting.all("alice")).containsExactly(accepting.of("alice"), plain);
        assertThat(accepting.previousOf("alice")).isEqualTo(plain);
        Pseudonyms rotating = new Pseudonyms(OTHER_KEY, Optional.of(KEY), true);
        assertThat(rotating.all("alice")).containsExactly(rotating.of("alice"), accepting.of("alice"), plain);
        assertThat(rotating.previousOf("alice")).as("the previous key first").isEqualTo(accepting.of("alice"));
        assertThat(new Pseudonyms(KEY, Optional.empty(), false).all("alice")).doesNotContain(plain);
    }

    @Test
    void aShortKeyStopsTheServiceAtStartUp() {
        assertThatThrownBy(() -> new Pseudonyms("short", Optional.empty(), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serenade.pseudonyms.key").hasMessageNotContaining("short");
        assertThatThrownBy(() -> new Pseudonyms(KEY, Optional.of("short"), false)).hasMessageContaining("previous-key");
    }
}
