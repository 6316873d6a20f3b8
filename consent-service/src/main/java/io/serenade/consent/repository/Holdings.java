package io.serenade.consent.repository;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.OffsetDateTime;

/** How much of one kind of data a user has in one table: count, oldest and newest (null when there is none). */
public record Holdings(long count, Instant oldest, Instant newest) {

    /** From a row of {@code count(*), min(t), max(t)}. */
    static Holdings of(Row row) {
        OffsetDateTime oldest = row.getOffsetDateTime(1);
        OffsetDateTime newest = row.getOffsetDateTime(2);
        return new Holdings(row.getLong(0), oldest == null ? null : oldest.toInstant(), newest == null ? null : newest.toInstant());
    }
}
