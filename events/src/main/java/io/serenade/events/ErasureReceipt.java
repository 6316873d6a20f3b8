package io.serenade.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One service's answer to an {@link ErasureRequested}: what it deleted, per store. Key: user id.
 *
 * @param deletedPerStore records deleted per store, e.g. {@code postgresql:interaction_history -> 1000}
 * @param digest          a hash over the deleted record ids, so a receipt can be checked without the data
 */
public record ErasureReceipt(int version, UUID erasureId, String userId, String service,
                             Map<String, Long> deletedPerStore, Instant completedAt, String digest) {

    public static final int VERSION = 1;

    public ErasureReceipt {
        version = version == 0 ? VERSION : version;
        deletedPerStore = deletedPerStore == null ? Map.of() : Map.copyOf(deletedPerStore);
    }
}
