package io.serenade.kit.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The name a user goes by where their id must not be kept: an erasure's record, the marker that keeps their
 * in-flight events out after an erasure, the gateway's Redis keys. It is HMAC-SHA256 of the user id under a secret
 * key (a Kubernetes Secret, {@code serenade.pseudonyms.key}), in hex: whoever holds a pseudonym but not the key
 * cannot tell whose it is, not even by hashing a list of candidate ids, as they could with a plain hash.
 * <p>
 * Rotation: set the old key as {@code serenade.pseudonyms.previous-key} and a new one as the key. New pseudonyms
 * use the new key; {@link #all} gives both, so a lookup still finds what was written under the old key. Once every
 * record made under the old key is gone (the markers' lifetime) or no longer needed, drop the previous key.
 */
@ApplicationScoped
public class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;

    public Pseudonyms(@ConfigProperty(name = "serenade.pseudonyms.key") String key,
                      @ConfigProperty(name = "serenade.pseudonyms.previous-key") Optional<String> previous) {
        this.key = spec("serenade.pseudonyms.key", key);
        this.previous = previous.filter(p -> !p.isBlank()).map(p -> spec("serenade.pseudonyms.previous-key", p));
    }

    /** The user's pseudonym under the current key. */
    public String of(String userId) {
        return hmac(key, userId);
    }

    /** The user's pseudonyms under the current key and, while a rotation lasts, the previous one; current first. */
    public List<String> all(String userId) {
        List<String> all = new ArrayList<>(2);
        all.add(of(userId));
        previous.ifPresent(p -> all.add(hmac(p, userId)));
        return all;
    }

    /** The pseudonym under the previous key, or under the current one when no rotation is going on. */
    public String previousOf(String userId) {
        return previous.map(p -> hmac(p, userId)).orElseGet(() -> of(userId));
    }

    private static SecretKeySpec spec(String name, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(name + " must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    private static String hmac(SecretKeySpec key, String userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }
}
