package io.serenade.profile.api;

import java.util.List;

/** A page of history, newest first, with the total so a client can page through. */
public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {
}
