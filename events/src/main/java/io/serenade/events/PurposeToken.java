package io.serenade.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The verifiable form of a request's granted purposes: what the gateway puts in the {@link GrantedPurposes#HEADER}
 * header. A bare list could be written by anything that reaches a service; this one is bound to the user it
 * was minted for, expires within seconds, and carries an HMAC-SHA256 under a key shared by the gateway and the
 * services (a Kubernetes Secret). Layout: {@code v1.<base64url user id>.<purposes>.<expiry epoch ms>.<base64url mac>}.
 * <p>
 * {@link #verify} fails closed: a missing, malformed, expired, tampered token, or one minted for another user,
 * grants nothing. Plain Java, thread-safe.
 */
public final class PurposeToken {

    static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;

    /**
     * @param secret   the shared signing key, at least 32 bytes (HMAC-SHA256's block of entropy)
     * @param lifetime how long a minted token stays valid: one request's fan-out, plus clock skew
     */
    public PurposeToken(String secret, Duration lifetime) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the purposes signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.lifetime = lifetime;
    }

    /** The header value granting {@code granted} to {@code userId} until now + lifetime. */
    public String sign(String userId, GrantedPurposes granted, Instant now) {
        String body = VERSION + "." + B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "."
                + granted.header() + "." + now.plus(lifetime).toEpochMilli();
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The purposes the header grants to {@code userId} at {@code now}; {@link GrantedPurposes#NONE} if it is not valid. */
    public GrantedPurposes verify(String header, String userId, Instant now) {
        if (header == null || userId == null) {
            return GrantedPurposes.NONE;
        }
        String[] parts = header.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return GrantedPurposes.NONE;
        }
        String body = header.substring(0, header.lastIndexOf('.'));
        try {
            if (!MessageDigest.isEqual(mac(body), B64D.decode(parts[4]))
                    || !userId.equals(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8))
                    || Long.parseLong(parts[3]) < now.toEpochMilli()) {
                return GrantedPurposes.NONE;
            }
        } catch (IllegalArgumentException e) { // bad base64 or a non-numeric expiry
            return GrantedPurposes.NONE;
        }
        return GrantedPurposes.parse(parts[2]);
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe; getInstance is cheap next to a request
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
