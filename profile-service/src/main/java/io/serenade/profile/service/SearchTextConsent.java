package io.serenade.profile.service;

import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.consent.ConsentViewListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Search text is kept only under search-history: once a user's consent view no longer grants it (withdrawn, denied,
 * unknown or erased), the text already stored goes, in the transaction that applied the change. The searches stay,
 * as bare searches of the user's history.
 */
@ApplicationScoped
public class SearchTextConsent implements ConsentViewListener {

    private static final String DROP_SEARCH_TEXT = """
            UPDATE interactions i SET query = NULL
            WHERE i.user_id = ANY ($1) AND i.query IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM consent_view v
                              WHERE v.user_id = i.user_id AND 'search-history' = ANY (v.purposes))
            """;

    @Override
    public Uni<Void> applied(SqlConnection tx, Map<String, ConsentView> views) {
        String[] users = views.keySet().toArray(String[]::new);
        return tx.preparedQuery(DROP_SEARCH_TEXT).execute(Tuple.of((Object) users)).replaceWithVoid();
    }
}
