package io.serenade.kit.consent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.Map;

/**
 * What a service does when consent changes, beyond keeping its view: profile-service drops search text no longer
 * consented to, artwork-service deletes a viewer's sticky choices. Implemented as a bean; called for every batch
 * of the consent topic, inside the transaction that applied it, so a failure rolls the batch back and it is
 * applied again.
 */
public interface ConsentViewListener {

    /**
     * @param tx    the transaction the batch was applied in
     * @param views every user the batch named, with their view as it now stands (null: none, so nothing granted)
     */
    Uni<Void> applied(SqlConnection tx, Map<String, ConsentView> views);
}
