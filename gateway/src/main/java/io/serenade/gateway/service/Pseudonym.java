package io.serenade.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name a user goes by in the gateway's Redis keys: SHA-256 of the user id, cut to 128 bits. A user's keys
 * are computed from their id, never searched for, and the keyspace never lists who uses the service; after an
 * erasure nothing there names the user, not even the short-lived consent marker.
 */
public final class Pseudonym {

    private Pseudonym() {
    }

    public static String of(String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
