package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.DataCategories;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.gateway.api.AssistantContext;
import io.serenade.gateway.client.DownstreamRejection;
import io.serenade.gateway.client.ProfileClient;
import io.serenade.gateway.client.RankingClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The summary of a user an AI assistant may be given: their strongest inferred genres and themes, the titles
 * they watched lately, their language and maturity limit. Nothing else (no name, no search text, no history
 * beyond five titles), only with assistant-context granted, and every use goes to the data-use log.
 */
@ApplicationScoped
public class AssistantContextService {

    static final int TOP = 5;
    static final int RECENT_TITLES = 5;
    /** History read to find the recent titles: enough events to hold five distinct watched titles, usually. */
    static final int HISTORY_PAGE = 100;
    /** Events that say the user watched or judged a title; impressions, clicks and searches do not. */
    static final Set<String> WATCHED = Set.of("PLAY", "COMPLETE", "RATING");

    private final RankingClient rankingService;
    private final ProfileClient profileService;
    private final ConsentLookup consents;
    private final DataUseLog dataUse;

    public AssistantContextService(RankingClient rankingService, ProfileClient profileService, ConsentLookup consents,
                                   DataUseLog dataUse) {
        this.rankingService = rankingService;
        this.profileService = profileService;
        this.consents = consents;
        this.dataUse = dataUse;
    }

    public Uni<Personalized<AssistantContext>> context(String userId) {
        return consents.granted(userId).flatMap(granted -> {
            if (!granted.allows(Purposes.ASSISTANT_CONTEXT)) {
                return Uni.createFrom().failure(new ConsentRequired(Purposes.ASSISTANT_CONTEXT));
            }
            return Uni.combine().all().unis(rankingService.affinities(userId, TOP, granted), profileService.profile(userId),
                            profileService.history(userId, 0, HISTORY_PAGE)).asTuple()
                    .flatMap(t -> named(recentTitleIds(t.getItem3())).flatMap(recent -> {
                        AssistantContext context = compose(userId, t.getItem1(), t.getItem2(), recent, Instant.now());
                        // Nothing of it goes out unrecorded: LedgerUnavailable becomes a 503 (there is no
                        // non-personal version of a summary of the user).
                        return dataUse.record(userId, used(granted)).map(requestId -> new Personalized<>(context, requestId));
                    }));
        });
    }

    static DataUse used(GrantedPurposes granted) {
        return new DataUse().add(Purposes.ASSISTANT_CONTEXT, List.of(Services.RANKING, Services.PROFILE),
                DataCategories.INFERRED_AFFINITIES, DataCategories.INTERACTION_HISTORY, DataCategories.PROFILE);
    }

    static AssistantContext compose(String userId, JsonNode affinities, JsonNode profile,
                                    List<AssistantContext.RecentTitle> recent, Instant now) {
        List<AssistantContext.Field> fields = new ArrayList<>();
        fields.add(field("topGenres", weighted(affinities.path("genres")), Services.RANKING));
        fields.add(field("topThemes", weighted(affinities.path("themes")), Services.RANKING));
        fields.add(field("recentTitles", recent, Services.PROFILE));
        JsonNode locale = profile.path("locale");
        if (locale.isTextual()) {
            fields.add(field("language", locale.textValue(), Services.PROFILE));
        }
        JsonNode maturity = profile.path("maturityRating");
        if (maturity.isTextual()) {
            fields.add(field("maturity", maturity.textValue(), Services.PROFILE));
        }
        return new AssistantContext(userId, now, List.copyOf(fields));
    }

    /** The newest distinct titles the user watched or rated, newest first (the history page is newest first). */
    static List<String> recentTitleIds(JsonNode history) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode e : history.path("items")) {
            JsonNode title = e.path("titleId");
            if (title.isTextual() && WATCHED.contains(e.path("type").asText()) && ids.size() < RECENT_TITLES) {
                ids.add(title.textValue());
            }
        }
        return List.copyOf(ids);
    }

    /** Each title with its catalog name; a title the catalog no longer knows keeps its id without a name. */
    private Uni<List<AssistantContext.RecentTitle>> named(List<String> titleIds) {
        if (titleIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<AssistantContext.RecentTitle>> names = titleIds.stream()
                .map(id -> rankingService.title(id)
                        .map(t -> new AssistantContext.RecentTitle(id, t.path("name").isTextual() ? t.path("name").textValue() : null))
                        .onFailure(DownstreamRejection.class).recoverWithItem(new AssistantContext.RecentTitle(id, null)))
                .toList();
        return Uni.join().all(names).andFailFast();
    }

    private static List<AssistantContext.Weighted> weighted(JsonNode list) {
        List<AssistantContext.Weighted> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.path("name").isTextual() && n.path("weight").isNumber() && out.size() < TOP) {
                out.add(new AssistantContext.Weighted(n.path("name").textValue(), n.path("weight").doubleValue()));
            }
        }
        return List.copyOf(out);
    }

    private static AssistantContext.Field field(String name, Object value, String source) {
        return new AssistantContext.Field(name, value, Purposes.ASSISTANT_CONTEXT, source);
    }
}
