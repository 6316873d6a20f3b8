package io.serenade.kit.erasure;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/**
 * The one thing a service implements to take part in erasure: delete everything it holds about a user. The kit
 * receives the request, calls this, and answers with the receipt. Must be idempotent: a request is delivered again
 * when its receipt did not reach consent-service, and must then delete what is there (usually nothing).
 */
public interface UserErasure {

    /** Deletes everything held about the user; completes once it is gone (committed), with what was deleted. */
    Uni<Erased> erase(String userId);

    /**
     * What one erasure deleted.
     *
     * @param perStore   records deleted per store, e.g. {@code postgresql:interactions -> 1000}
     * @param deletedIds the identifiers of what was deleted (e.g. {@code interactions/<event id>}); the receipt's
     *                   digest is computed over them, so a receipt can be checked without the data
     */
    record Erased(Map<String, Long> perStore, List<String> deletedIds) {

        public Erased {
            perStore = Map.copyOf(perStore);
            deletedIds = List.copyOf(deletedIds);
        }
    }
}
