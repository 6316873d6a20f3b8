package io.serenade.profile.mapping;

import io.serenade.profile.api.HistoryEntry;
import io.serenade.profile.api.ProfileUpdate;
import io.serenade.profile.api.ProfileView;
import io.serenade.profile.model.Interaction;
import io.serenade.profile.model.Profile;

import java.util.List;

/** Entity ↔ DTO conversions of profile-service. */
public final class ProfileMapper {

    private ProfileMapper() {
    }

    public static ProfileView toView(Profile p) {
        return new ProfileView(p.userId, p.displayName, p.locale, p.timeZone, p.maturityRating,
                List.copyOf(p.favouriteGenres), p.diversity, p.updatedAt);
    }

    public static void apply(ProfileUpdate update, Profile p) {
        p.displayName = update.displayName();
        p.locale = update.locale();
        p.timeZone = update.timeZone();
        p.maturityRating = update.maturityRating();
        p.favouriteGenres = List.copyOf(update.favouriteGenres());
        p.diversity = update.diversity() == null ? Profile.DEFAULT_DIVERSITY : update.diversity();
    }

    public static HistoryEntry toEntry(Interaction i) {
        return new HistoryEntry(i.eventId, i.titleId, i.type, i.value, i.artworkId, i.impressionId, i.query, i.device,
                i.locale, i.timeZone, i.localTime, i.occurredAt);
    }
}
