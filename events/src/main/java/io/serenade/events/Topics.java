package io.serenade.events;

import java.time.Duration;
import java.util.List;

/**
 * Kafka topic names and their shape. Scripts create topics from {@link #ALL} (run this class to print
 * them), and services name channels after these constants, so a topic is declared in exactly one place.
 */
public final class Topics {

    public static final String INTERACTIONS = "interactions";
    public static final String CONSENT_CHANGES = "consent-changes";
    public static final String ERASURE_REQUESTS = "erasure-requests";
    public static final String ERASURE_RECEIPTS = "erasure-receipts";
    public static final String DATA_USE = "data-use";
    public static final String CATALOG = "catalog";
    /** Events users asked to forget; same partitions and key (user id) as {@link #INTERACTIONS}. */
    public static final String INTERACTIONS_FORGOTTEN = "interactions-forgotten";
    /**
     * Records a consumer could not apply, parked by the privacy kit's DeadLetters with headers naming their topic,
     * offset, service and reason; keyed as they were. Written by every service, read by operators.
     */
    public static final String DEAD_LETTERS = "dead-letters";

    /**
     * How a compacted topic forgets. Its values are personal (consent state per user) and erasure ends in a
     * tombstone; the broker's defaults would keep superseded values for days (a segment rolls after 7 days,
     * and only rolled segments are compacted). Here a segment rolls after 10 minutes, any superseded value
     * is compacted away within an hour, and a tombstone itself is dropped an hour after that: long enough
     * for a consumer restarting to see it (one that is away longer still gets the erasure request, kept 7 days).
     */
    public static final String COMPACTED_CONFIG = "segment.ms=600000,max.compaction.lag.ms=3600000,"
            + "min.cleanable.dirty.ratio=0.1,delete.retention.ms=3600000";

    /**
     * From a tombstone until nothing of its key is left on a compacted topic: superseded values are compacted within
     * max.compaction.lag.ms, and the tombstone itself is dropped delete.retention.ms after that (both above).
     */
    public static final Duration COMPACTION_DONE_WITHIN = Duration.ofHours(2);

    /** A topic as the broker should hold it. Compacted topics keep the latest value per key. */
    public record Spec(String name, int partitions, boolean compacted) {
        public String cleanupPolicy() {
            return compacted ? "compact" : "delete";
        }

        /** Every topic-level setting, as {@code key=value,...}, for the scripts that create topics. */
        public String configs() {
            return "cleanup.policy=" + cleanupPolicy() + (compacted ? "," + COMPACTED_CONFIG : "");
        }
    }

    public static final List<Spec> ALL = List.of(
            new Spec(INTERACTIONS, 6, false),
            new Spec(CONSENT_CHANGES, 3, true),
            new Spec(ERASURE_REQUESTS, 3, false),
            new Spec(ERASURE_RECEIPTS, 3, false),
            new Spec(DATA_USE, 3, false),
            new Spec(CATALOG, 3, true),
            new Spec(INTERACTIONS_FORGOTTEN, 6, false),
            new Spec(DEAD_LETTERS, 3, false));

    private Topics() {
    }

    /** Prints one line per topic: {@code name partitions cleanup-policy configs}; read by scripts/infra.sh. */
    public static void main(String[] args) {
        ALL.forEach(t -> System.out.println(t.name() + " " + t.partitions() + " " + t.cleanupPolicy() + " " + t.configs()));
    }
}
