package io.serenade.kit.erasure;

import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The markers an erasure leaves in a service that stores events from a topic (table {@code erased_users}: user_hash,
 * erased_at): an event of the user still in flight, which occurred before the erasure, must not be stored again.
 * A marker names the user by their {@link Pseudonyms pseudonym}, never by id, and lives {@code
 * serenade.erasure.marker-lifetime} (default 30 days, longer than the topics' 7-day retention, so no event from
 * before the erasure can still arrive when it goes); the service's retention job calls {@link #purgeBefore}.
 * <p>
 * A store's insert keeps such events out with {@link #NOT_ERASED}, given each event's {@code user_hash} and
 * {@code user_hash_previous} columns ({@link #pseudonyms}, {@link #previousPseudonyms}).
 */
@ApplicationScoped
@IfBuildProperty(name = ErasedUsers.ENABLED, stringValue = "true")
public class ErasedUsers {

    /** Build-time switch: a service that stores events of users from a topic sets it (and has the table). */
    public static final String ENABLED = "serenade.kit.erased-users.enabled";

    /** The condition an insert of events {@code e} (occurred_at, user_hash, user_hash_previous) adds to its WHERE. */
    public static final String NOT_ERASED = """
            NOT EXISTS (SELECT 1 FROM erased_users x
                        WHERE x.user_hash IN (e.user_hash, e.user_hash_previous) AND e.occurred_at <= x.erased_at)""";

    private static final String MARK = """
            INSERT INTO erased_users (user_hash, erased_at) VALUES ($1, clock_timestamp())
            ON CONFLICT (user_hash) DO UPDATE SET erased_at = greatest(erased_users.erased_at, EXCLUDED.erased_at)
            """;

    private final Pool pool;
    private final Pseudonyms pseudonyms;
    private final Duration lifetime;

    public ErasedUsers(Pool pool, Pseudonyms pseudonyms,
                       @ConfigProperty(name = "serenade.erasure.marker-lifetime", defaultValue = "30d") Duration lifetime) {
        this.pool = pool;
        this.pseudonyms = pseudonyms;
        this.lifetime = lifetime;
    }

    /** Marks the user erased now, on the erasure's transaction; returns the rows written (1). */
    public Uni<Integer> mark(SqlClient tx, String userId) {
        return tx.preparedQuery(MARK).execute(Tuple.of(pseudonyms.of(userId))).map(RowSet::rowCount);
    }

    /** Before this instant a marker is past its lifetime, as of {@code now}. */
    public Instant cutoff(Instant now) {
        return now.minus(lifetime);
    }

    /** Deletes the markers of erasures before {@code cutoff}; returns how many. */
    public Uni<Integer> purgeBefore(Instant cutoff) {
        return pool.preparedQuery("DELETE FROM erased_users WHERE erased_at < $1")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC))).map(RowSet::rowCount);
    }

    /** Each user's pseudonym, for the {@code user_hash} column of an insert. */
    public String[] pseudonyms(List<String> userIds) {
        return userIds.stream().map(pseudonyms::of).toArray(String[]::new);
    }

    /** Each user's pseudonym under the previous key while a rotation lasts (else the current), for {@code user_hash_previous}. */
    public String[] previousPseudonyms(List<String> userIds) {
        return userIds.stream().map(pseudonyms::previousOf).toArray(String[]::new);
    }

}
