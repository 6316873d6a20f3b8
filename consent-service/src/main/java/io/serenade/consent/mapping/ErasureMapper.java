package io.serenade.consent.mapping;

import io.serenade.consent.api.ErasureView;
import io.serenade.consent.model.Erasure;
import io.serenade.consent.model.ServiceReceipt;
import io.serenade.events.Services;
import io.serenade.events.Topics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Erasures and their receipts → the user's combined receipt; the hashes that identify and attest them. */
public final class ErasureMapper {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";

    private ErasureMapper() {
    }

    /** consent-service's part on the compacted consent topic: its tombstone is written at once, compacted later. */
    static final String CONSENT_TOPIC = "kafka:" + Topics.CONSENT_CHANGES;

    public static ErasureView toView(Erasure erasure, List<ServiceReceipt> receipts) {
        return toView(erasure, receipts, Instant.now());
    }

    static ErasureView toView(Erasure erasure, List<ServiceReceipt> receipts, Instant now) {
        Map<String, ServiceReceipt> byService = receipts.stream()
                .collect(Collectors.toMap(ServiceReceipt::service, Function.identity(), (a, b) -> a));
        Map<String, ErasureView.ServiceStatus> services = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String service : Services.HOLDING_PERSONAL_DATA) {
            ServiceReceipt r = byService.get(service);
            if (r == null) {
                missing.add(service);
                services.put(service, new ErasureView.ServiceStatus(PENDING, null, null, null, null));
            } else {
                Map<String, Long> deleted = new LinkedHashMap<>(r.deletedPerStore());
                // Receipts from before "pending" existed counted the tombstone as deleted: it never was, at that time.
                deleted.remove(CONSENT_TOPIC);
                services.put(service, new ErasureView.ServiceStatus(DONE, deleted, r.digest(), r.completedAt(),
                        service.equals(Services.CONSENT) ? Map.of(CONSENT_TOPIC, compaction(erasure.requestedAt(), now)) : null));
            }
        }
        String digest = missing.isEmpty() ? combinedDigest(erasure.id(), byService) : null;
        return new ErasureView(erasure.id(), erasure.status(), erasure.requestedAt(), erasure.completedAt(),
                erasure.attempts(), services, missing, digest);
    }

    /** What the user's consent records on the compacted topic await: compaction, by the time it is certain. */
    static String compaction(Instant tombstonedAt, Instant now) {
        Instant done = tombstonedAt.plus(Topics.COMPACTION_DONE_WITHIN).truncatedTo(ChronoUnit.SECONDS);
        return (now.isBefore(done) ? "compaction pending until " : "compacted by ") + done;
    }

    /**
     * SHA-256 over the erasure id and, per service in {@link Services#HOLDING_PERSONAL_DATA} order, a line
     * {@code service=digest}: one value that changes if any service's receipt does.
     */
    static String combinedDigest(UUID erasureId, Map<String, ServiceReceipt> byService) {
        StringBuilder text = new StringBuilder(erasureId.toString());
        for (String service : Services.HOLDING_PERSONAL_DATA) {
            text.append('\n').append(service).append('=').append(byService.get(service).digest());
        }
        return "sha256:" + sha256Hex(text.toString());
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
