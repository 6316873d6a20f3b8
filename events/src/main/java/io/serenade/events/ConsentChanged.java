package io.serenade.events;

import java.time.Instant;
import java.util.Map;

/**
 * A user's consent changed. Key: user id, on a compacted topic, so each value carries the user's whole
 * current state ({@code consents}) and not only the purpose that changed: after compaction the latest
 * value alone must tell every consumer everything. A purpose absent from the map is not granted.
 */
public record ConsentChanged(int version, String userId, Map<String, ConsentState> consents, String changedPurpose,
                             String policyVersion, String source, Instant changedAt) {

    public static final int VERSION = 1;

    public ConsentChanged {
        version = version == 0 ? VERSION : version;
        consents = consents == null ? Map.of() : Map.copyOf(consents);
    }

    public boolean permits(String purpose) {
        ConsentState state = consents.get(purpose);
        return state != null && state.permits();
    }
}
