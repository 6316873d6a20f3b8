package io.serenade.gateway.api;

import java.time.Instant;
import java.util.List;

/**
 * The minimal summary of a user an AI assistant may be given, only with the assistant-context purpose granted.
 * Each field says for which purpose it is shared and which service it comes from, so the user can see both.
 */
public record AssistantContext(String userId, Instant generatedAt, List<Field> fields) {

    /** @param value a string, or a list of {@link Weighted} / {@link RecentTitle} */
    public record Field(String name, Object value, String purpose, String source) {
    }

    /** An inferred genre or theme and how strongly it shows in the user's history (ranking's weight). */
    public record Weighted(String name, double weight) {
    }

    /** A title the user watched or rated lately; {@code name} is absent when the catalog no longer has it. */
    public record RecentTitle(String titleId, String name) {
    }
}
