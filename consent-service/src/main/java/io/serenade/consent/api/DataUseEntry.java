package io.serenade.consent.api;

import java.time.Instant;
import java.util.List;

/** One personalized answer: which purposes, data categories and services were involved, and when. */
public record DataUseEntry(String requestId, List<String> purposes, List<String> dataCategories, List<String> services,
                           Instant occurredAt) {
}
