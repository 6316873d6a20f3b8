package io.serenade.kit.consent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.Map;

/**
 * What a service does when consent changes, beyond keeping its view: profile-service drops search text no longer
 * consented to (in the database, {@link #applied}), artwork-service deletes a viewer's sticky choices (in Redis,
 * {@link #committed}). Implemented as a bean; called for every batch of the consent topic.
 */
public interface ConsentViewListener {

    /**
     * Inside the transaction that applied the batch: a failure rolls the batch back and it is applied again. For work
     * in the same database only; another store's outage would stop the view itself.
     *
     * @param tx    the transaction the batch was applied in
     * @param views every user the batch named, with their view as it now stands (null: none, so nothing granted)
     */
    default Uni<Void> applied(SqlConnection tx, Map<String, ConsentView> views) {
        return Uni.createFrom().voidItem();
    }

    /**
     * After the batch committed, for work in other stores: the view already holds the change whatever happens here;
     * a failure is logged and counted (metric serenade.consent_view.listener_failures), and is the listener's to
     * make good (a later sweep).
     */
    default Uni<Void> committed(Map<String, ConsentView> views) {
        return Uni.createFrom().voidItem();
    }
}
