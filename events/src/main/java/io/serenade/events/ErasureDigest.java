package io.serenade.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The digest in an {@link ErasureReceipt}: SHA-256 over the erasure id and the sorted identifiers of what was
 * deleted (row ids, Redis key names), so that the receipt attests to exactly those records without holding
 * them. Sorting makes it independent of deletion order. Plain Java.
 */
public final class ErasureDigest {

    private ErasureDigest() {
    }

    public static String of(UUID erasureId, Collection<String> deletedIds) {
        List<String> sorted = new ArrayList<>(deletedIds);
        sorted.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(erasureId.toString().getBytes(StandardCharsets.UTF_8));
            for (String id : sorted) {
                sha.update((byte) '\n');
                sha.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
