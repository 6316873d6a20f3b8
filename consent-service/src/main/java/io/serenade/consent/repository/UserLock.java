package io.serenade.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The per-user advisory lock that serialises a user's consent changes, exports and erasure until the caller's
 * transaction ends: the same key as {@link ConsentLedgerRepository#lockUser}, so a consent change and an
 * erasure of one user never interleave.
 */
public final class UserLock {

    private UserLock() {
    }

    public static Uni<Void> lock(SqlClient transaction, String userId) {
        return transaction.preparedQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }
}
