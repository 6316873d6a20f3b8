package io.serenade.kit.identity;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * <p>
 * Records written before pseudonyms were keyed carry the plain SHA-256 hex of the id. While
 * {@code serenade.pseudonyms.accept-unkeyed} is on (the default), lookups also try that, so an erasure running across
 * the upgrade completes, its marker still keeps late events out and its member still finds the receipt; nothing new is
 * ever written unkeyed. Turn it off once no such record is needed (docs/deploying.md).
 * <p>
 * Created at start-up, so a short key stops the service instead of failing its first request.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = Pseudonyms.ENABLED, stringValue = "true")
public class Pseudonyms {

    /** Build-time switch: a service that names users by pseudonym sets it, with serenade.pseudonyms.key. */
    public static final String ENABLED = "serenade.kit.pseudonyms.enabled";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;
    private final boolean acceptUnkeyed;

    public Pseudonyms(@ConfigProperty(name = "serenade.pseudonyms.key") String key,
                      @ConfigProperty(name = "serenade.pseudonyms.previous-key") Optional<String> previous,
                      @ConfigProperty(name = "serenade.pseudonyms.accept-unkeyed", defaultValue = "true") boolean acceptUnkeyed) {
        this.key = spec("serenade.pseudonyms.key", key);
        this.previous = previous.filter(p -> !p.isBlank()).map(p -> spec("serenade.pseudonyms.previous-key", p));
        this.acceptUnkeyed = acceptUnkeyed;
    }

    /** The user's pseudonym under the current key. */
    public String of(String userId) {
        return hmac(key, userId);
    }

    /**
     * Every name the user may go by in records already written, current first: the current key's, the previous key's
     * while a rotation lasts, and the unkeyed hash of records older than keyed pseudonyms while those are accepted.
     */
    public List<String> all(String userId) {
        List<String> all = new ArrayList<>(3);
        all.add(of(userId));
        previous.ifPresent(p -> all.add(hmac(p, userId)));
        unkeyed(userId).ifPresent(all::add);
        return all;
    }

    /**
     * The one other name a lookup with room for two should try: the previous key's during a rotation, else the unkeyed
     * hash while it is accepted, else the current pseudonym again.
     */
    public String previousOf(String userId) {
        return previous.map(p -> hmac(p, userId)).or(() -> unkeyed(userId)).orElseGet(() -> of(userId));
    }

    /** The plain SHA-256 hex of the id, as records were named before pseudonyms were keyed, while accepted. */
    public Optional<String> unkeyed(String userId) {
        if (!acceptUnkeyed) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
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
