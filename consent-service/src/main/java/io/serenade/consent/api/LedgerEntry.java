package io.serenade.consent.api;

import java.time.Instant;

/** One row of a user's consent ledger as the API shows it. */
public record LedgerEntry(long id, String purpose, String state, String policyVersion, String source, Instant recordedAt) {
}
