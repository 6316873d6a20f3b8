package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.serenade.profile.model.Profile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Profiles by user id. */
@ApplicationScoped
@WithSession
public class ProfileRepository implements PanacheRepositoryBase<Profile, String> {

    /** The user's time zone on the caller's transaction; null while they have no stored profile. */
    public Uni<String> timeZone(SqlConnection connection, String userId) {
        return connection.preparedQuery("SELECT time_zone FROM profiles WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("time_zone") : null);
    }
}
