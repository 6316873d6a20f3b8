package io.serenade.profile.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A per-user PostgreSQL advisory lock held until the caller's transaction ends. Pacing decisions take it so
 * that two decisions for one user cannot both count the same caps (each would see the other's ALLOW missing);
 * erasure takes it so that no decision in flight writes behind the delete. Works whether or not the user has
 * any row yet, which a row lock would not. Users whose ids hash alike merely wait for each other.
 */
public final class UserLock {

    /** The advisory-lock namespace of profile-service's per-user locks (the first key of the two-key form). */
    static final int NAMESPACE = 0x5052; // "PR"

    private UserLock() {
    }

    public static Uni<Void> lock(SqlConnection connection, String userId) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(NAMESPACE, userId)).replaceWithVoid();
    }
}
