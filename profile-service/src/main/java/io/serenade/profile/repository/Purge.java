package io.serenade.profile.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Runs a retention delete in chunks until nothing is left: the first purge after a long pause (or after the
 * retention is shortened) may match millions of rows, which one statement would hold in one long transaction.
 */
final class Purge {

    /** Rows per statement: large enough to be quick, small enough to keep each transaction short. */
    static final int CHUNK = 5_000;

    private Purge() {
    }

    /** {@code sql} takes the cutoff as $1 and the chunk size as $2 and deletes at most that many rows. */
    static Uni<Long> inChunks(Pool pool, String sql, Instant cutoff) {
        return chunk(pool, sql, cutoff, 0L);
    }

    private static Uni<Long> chunk(Pool pool, String sql, Instant cutoff, long sofar) {
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), CHUNK))
                .flatMap(rows -> rows.rowCount() < CHUNK
                        ? Uni.createFrom().item(sofar + rows.rowCount())
                        : chunk(pool, sql, cutoff, sofar + rows.rowCount()));
    }
}
