package io.serenade.consent.api;

import java.time.Instant;
import java.util.List;

/** A page of a user's data-use log within [from, to], newest first, with the total in that window. */
public record DataUsePage(Instant from, Instant to, List<DataUseEntry> items, int page, int size, long total) {
}
