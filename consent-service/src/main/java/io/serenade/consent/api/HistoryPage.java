package io.serenade.consent.api;

import java.util.List;

/** A page of a user's consent ledger, newest first, with the total so a client can page through. */
public record HistoryPage(List<LedgerEntry> items, int page, int size, long total) {
}
