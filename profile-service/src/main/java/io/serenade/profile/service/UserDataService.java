package io.serenade.profile.service;

import io.serenade.kit.userdata.UserData;
import io.serenade.events.DataCategories;
import io.serenade.events.Services;
import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.serenade.profile.api.ExportedInteraction;
import io.serenade.profile.mapping.NotificationMapper;
import io.serenade.profile.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What profile-service holds about a user, for transparency (counts and dates) and export (everything). It
 * holds only raw data (stated preferences, history, settings, decisions and its copy of consent): nothing is
 * inferred here, so nothing needs an explanation.
 */
@ApplicationScoped
public class UserDataService implements UserData {

    private final UserDataRepository userData;

    public UserDataService(UserDataRepository userData) {
        this.userData = userData;
    }

    public Uni<UserDataSummary> summary(String userId) {
        return userData.summary(userId).map(h -> new UserDataSummary(UserDataSummary.VERSION, Services.PROFILE, h));
    }

    public Uni<UserDataExport> export(String userId) {
        return userData.snapshot(userId).map(s -> {
            List<ExportedInteraction> history = new ArrayList<>(s.interactions().size());
            List<ExportedInteraction> searches = new ArrayList<>();
            for (ExportedInteraction i : s.interactions()) {
                // Split as in the summary: a SEARCH with its text is search history, everything else history.
                ("SEARCH".equals(i.type()) && i.query() != null ? searches : history).add(i);
            }
            // Nested maps, not Map.of: an absent profile or consent view is shown as null rather than left out.
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("profile", s.profile());
            profile.put("notificationSettings", s.settings() == null ? null : NotificationMapper.toView(s.settings()));
            Map<String, Object> interactions = new LinkedHashMap<>();
            interactions.put("events", history);
            interactions.put("forgottenEvents", s.forgotten());
            Map<String, Object> consents = new LinkedHashMap<>();
            consents.put("consentView", s.consent());

            Map<String, Object> data = new LinkedHashMap<>();
            data.put(DataCategories.PROFILE, profile);
            data.put(DataCategories.INTERACTION_HISTORY, interactions);
            data.put(DataCategories.SEARCH_HISTORY, Map.of("searches", searches));
            data.put(DataCategories.NOTIFICATION_DECISIONS,
                    Map.of("decisions", s.decisions().stream().map(NotificationMapper::toView).toList()));
            data.put(DataCategories.CONSENTS, consents);
            return new UserDataExport(UserDataExport.VERSION, Services.PROFILE, userId, Instant.now(), data);
        });
    }
}
