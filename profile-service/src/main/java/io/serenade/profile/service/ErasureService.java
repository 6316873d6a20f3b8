package io.serenade.profile.service;

import io.serenade.kit.erasure.UserErasure;
import io.serenade.profile.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Erases everything profile-service holds about a user: every table, in one transaction (it keeps no Redis keys and
 * no in-memory per-user state). The privacy kit answers the request with the receipt. Idempotent: a repeated request
 * deletes what is there, usually nothing.
 */
@ApplicationScoped
public class ErasureService implements UserErasure {

    private final UserDataRepository userData;

    public ErasureService(UserDataRepository userData) {
        this.userData = userData;
    }

    @Override
    public Uni<Erased> erase(String userId) {
        return userData.erase(userId).map(erased -> {
            Map<String, Long> perStore = new LinkedHashMap<>();
            erased.perTable().forEach((table, n) -> perStore.put("postgresql:" + table, n));
            return new Erased(perStore, erased.ids());
        });
    }
}
