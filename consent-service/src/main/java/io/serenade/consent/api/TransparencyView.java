package io.serenade.consent.api;

import java.time.Instant;
import java.util.List;

/**
 * Everything Serenade holds about a user, per data category: how much, since when, for which purposes, how long
 * it is kept and where. Every category is listed, held or not. Services that did not answer in time are listed
 * in {@code unavailable}: their holdings are missing from the counts, which are then lower bounds.
 */
public record TransparencyView(String userId, Instant generatedAt, List<CategoryHeld> categories, List<String> unavailable) {

    /**
     * @param retention ISO-8601 duration: the longest retention among the purposes that may use the category
     *                  (the data-use log has its own); null for consents, kept until erasure
     */
    public record CategoryHeld(String category, String description, long count, Instant oldest, Instant newest,
                               List<String> purposes, String retention, List<HeldBy> heldBy) {
    }

    public record HeldBy(String service, String store, long count) {
    }
}
