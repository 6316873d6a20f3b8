package io.serenade.profile.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.serenade.profile.model.Profile;
import jakarta.enterprise.context.ApplicationScoped;

/** Profiles by user id. */
@ApplicationScoped
@WithSession
public class ProfileRepository implements PanacheRepositoryBase<Profile, String> {
}
