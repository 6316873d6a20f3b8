package io.serenade.profile.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.serenade.events.InteractionForgotten;
import io.serenade.profile.api.HistoryPage;
import io.serenade.profile.api.ProfileUpdate;
import io.serenade.profile.api.ProfileView;
import io.serenade.profile.config.ProfileConfig;
import io.serenade.profile.mapping.ProfileMapper;
import io.serenade.profile.messaging.ForgetPublisher;
import io.serenade.profile.model.Profile;
import io.serenade.profile.repository.InteractionRepository;
import io.serenade.profile.repository.ProfileRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Profiles and history of users. Every authenticated user has a profile: until edited, the defaults. */
@ApplicationScoped
public class ProfileService {

    private final ProfileRepository profiles;
    private final InteractionRepository interactions;
    private final ProfileConfig config;
    private final ForgetPublisher forgets;
    private final Pool pool;

    public ProfileService(ProfileRepository profiles, InteractionRepository interactions, ProfileConfig config,
                          ForgetPublisher forgets, Pool pool) {
        this.profiles = profiles;
        this.interactions = interactions;
        this.config = config;
        this.forgets = forgets;
        this.pool = pool;
    }

    public Uni<ProfileView> get(String userId) {
        return profiles.findById(userId)
                .map(p -> ProfileMapper.toView(p == null ? defaults(userId) : p));
    }

    @WithTransaction
    public Uni<ProfileView> replace(String userId, ProfileUpdate update) {
        return profiles.findById(userId).flatMap(existing -> {
            Profile p = existing == null ? defaults(userId) : existing;
            ProfileMapper.apply(update, p);
            Instant now = Instant.now();
            p.updatedAt = now;
            if (existing == null) {
                p.createdAt = now;
                return profiles.persist(p);
            }
            return Uni.createFrom().item(p);
        }).map(ProfileMapper::toView);
    }

    public Uni<HistoryPage> history(String userId, int page, int size) {
        int pageSize = Math.min(size, config.maxHistoryPage());
        // One after the other: both run in the request's one Hibernate Reactive session, which must never carry two
        // queries at once (run together, a session can end up never returning its connection: the pool ran dry under
        // a client polling the history).
        return interactions.pageForUser(userId, page, pageSize)
                .chain(rows -> interactions.countForUser(userId)
                        .map(total -> new HistoryPage(rows.stream().map(ProfileMapper::toEntry).toList(), page, pageSize, total)));
    }

    /**
     * Forgets one event of the user's history: deleted here, and announced so that ranking (and any other
     * copy) drops it too. The delete commits only once the broker has the announcement, so a forgotten
     * event is never gone here yet still used elsewhere. False if the user has no such event.
     */
    public Uni<Boolean> forget(String userId, UUID eventId) {
        return pool.withTransaction(connection -> interactions.forget(connection, userId, eventId)
                .call(found -> found
                        ? forgets.publish(new InteractionForgotten(0, eventId, userId, Instant.now()))
                        : Uni.createFrom().voidItem()));
    }

    private Profile defaults(String userId) {
        Profile p = new Profile();
        p.userId = userId;
        p.locale = "en-GB";
        p.timeZone = "UTC";
        p.maturityRating = config.defaultMaturityRating();
        p.favouriteGenres = List.of();
        p.diversity = Profile.DEFAULT_DIVERSITY;
        return p;
    }
}
