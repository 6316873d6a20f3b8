package io.serenade.artwork.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.artwork.api.ExportViews;
import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.userdata.UserData;
import io.serenade.artwork.policy.Taste;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.DataCategories;
import io.serenade.events.Services;
import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What artwork-service holds about a user, for the user: counts and dates per store (transparency) and all of it
 * (export). Everything per viewer here is artwork context, kept only with artwork-personalization: the impressions
 * log in PostgreSQL, the sticky choices and the taste in Redis; plus the service's copy of their consent.
 */
@ApplicationScoped
public class UserDataService implements UserData {

    static final String IMPRESSIONS = "postgresql:impressions";
    static final String STICKY = "redis:aw:sticky";
    static final String TASTE = "redis:aw:taste";
    static final String CONSENT_VIEW = "postgresql:consent_view";

    private final BanditRepository impressions;
    private final ViewerState viewers;
    private final ConsentViewStore consents;
    private final ObjectMapper json;

    public UserDataService(BanditRepository impressions, ViewerState viewers, ConsentViewStore consents, ObjectMapper json) {
        this.impressions = impressions;
        this.viewers = viewers;
        this.consents = consents;
        this.json = json;
    }

    public Uni<UserDataSummary> summary(String userId) {
        return Uni.combine().all().unis(impressions.heldBy(userId), viewers.stored(userId), consents.find(userId)).asTuple()
                .map(t -> {
                    List<UserDataSummary.Holding> holdings = new ArrayList<>();
                    BanditRepository.Held logged = t.getItem1();
                    if (logged.count() > 0) {
                        holdings.add(new UserDataSummary.Holding(DataCategories.ARTWORK_CONTEXT, IMPRESSIONS, logged.count(),
                                logged.oldest(), logged.newest()));
                    }
                    ViewerState.Stored stored = t.getItem2();
                    if (!stored.sticky().isEmpty()) {
                        List<Instant> shown = stored.sticky().values().stream().map(ViewerState.Sticky::shownAt).sorted().toList();
                        holdings.add(new UserDataSummary.Holding(DataCategories.ARTWORK_CONTEXT, STICKY, shown.size(),
                                shown.get(0), shown.get(shown.size() - 1)));
                    }
                    if (stored.taste() != null) {
                        // Counted in plays: the records the taste was learned from.
                        holdings.add(new UserDataSummary.Holding(DataCategories.ARTWORK_CONTEXT, TASTE,
                                Math.max(1, Math.round(stored.taste().plays())), null, null));
                    }
                    ConsentView view = t.getItem3();
                    if (view != null) {
                        holdings.add(new UserDataSummary.Holding(DataCategories.CONSENTS, CONSENT_VIEW, 1, view.changedAt(),
                                view.changedAt()));
                    }
                    return new UserDataSummary(UserDataSummary.VERSION, Services.ARTWORK, holdings);
                });
    }

    /** Everything, in one statement and one Redis round trip whatever the number of impressions. */
    public Uni<UserDataExport> export(String userId) {
        return Uni.combine().all().unis(impressions.exportOf(userId), viewers.stored(userId), consents.find(userId)).asTuple()
                .map(t -> {
                    List<ExportViews.Impression> logged = new ArrayList<>(t.getItem1().rowCount());
                    for (Row r : t.getItem1()) {
                        logged.add(new ExportViews.Impression(r.getUUID("impression_id"), r.getString("title_id"),
                                r.getString("artwork_id"), r.getString("policy"), r.getDouble("propensity"),
                                r.getBoolean("sticky"), List.of(r.getArrayOfStrings("candidates")), parse(r.getString("context")),
                                r.getOffsetDateTime("shown_at").toInstant(), r.getDouble("reward"),
                                r.getOffsetDateTime("rewarded_at") == null ? null : r.getOffsetDateTime("rewarded_at").toInstant()));
                    }
                    ViewerState.Stored stored = t.getItem2();
                    List<ExportViews.StickyChoice> sticky = stored.sticky().entrySet().stream()
                            .map(e -> new ExportViews.StickyChoice(e.getKey(), e.getValue().artworkId(), e.getValue().shownAt(),
                                    e.getValue().propensity(), e.getValue().reviewedAt()))
                            .sorted(Comparator.comparing(ExportViews.StickyChoice::shownAt).thenComparing(ExportViews.StickyChoice::titleId))
                            .toList();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put(DataCategories.ARTWORK_CONTEXT, new ExportViews.ArtworkContext(logged, sticky, taste(stored.taste()),
                            "Kept only while you allow artwork-personalization: each image chosen for you with the probability"
                                    + " it was chosen with, the situation (device, language, time of day) and whether you played"
                                    + " the title; which image each title keeps showing you; and what your plays say about your"
                                    + " taste in artwork."));
                    ConsentView view = t.getItem3();
                    if (view != null) {
                        data.put(DataCategories.CONSENTS, view);
                    }
                    return new UserDataExport(UserDataExport.VERSION, Services.ARTWORK, userId, Instant.now(), data);
                });
    }

    private static ExportViews.Taste taste(Taste taste) {
        if (taste == null) {
            return null;
        }
        return new ExportViews.Taste(taste.plays(), new TreeMap<>(taste.tagPlays()), new TreeMap<>(taste.genrePlays()),
                "Inferred from the " + plays(taste.plays()) + " that followed an image chosen for you: how many of"
                        + " them followed art with each tag, and were of titles in each genre. The artwork chooser weighs the"
                        + " images it shows you by it; it expires when the impressions it was learned from do.");
    }

    private static String plays(double n) {
        long plays = Math.round(n);
        return plays + (plays == 1 ? " play" : " plays");
    }

    private JsonNode parse(String context) {
        try {
            return context == null ? null : json.readTree(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an impression's stored context is not JSON", e);
        }
    }
}
