package io.serenade.consent.api;

import java.util.List;

/**
 * The purposes a user can consent to and the data categories they may use, as shown to users before they choose.
 * Retentions are ISO-8601 durations ({@code P730D}); a category with none (consents) is kept until erasure.
 */
public record PurposeCatalogueView(String policyVersion, List<PurposeEntry> purposes, List<CategoryEntry> categories) {

    public record PurposeEntry(String purpose, String description, List<String> dataCategories, String retention) {
    }

    public record CategoryEntry(String category, String description, List<String> purposes, String retention) {
    }
}
