package io.serenade.ranking.service;

import io.serenade.events.DataCategories;
import io.serenade.events.GrantedPurposes;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.serenade.ranking.api.AffinitiesView;
import io.serenade.ranking.api.ExportViews;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.userdata.UserData;
import io.serenade.ranking.recommend.Affinities;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.serenade.ranking.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ranking-service holds about a user, for the user: counts and dates per category (transparency), all of it
 * raw and inferred (export), and the inferred affinities alone (the assistant's context). Affinities are computed
 * from the history on request, never stored: they are what the home page infers from the same events.
 */
@ApplicationScoped
public class UserDataService implements UserData {

    /** Where the affinities come from, for the summary: computed from the interactions, not kept anywhere. */
    static final String AFFINITIES_STORE = "computed:interactions";

    private final UserDataRepository data;
    private final InteractionLogRepository history;
    private final ConsentViewStore consents;
    private final CatalogService catalog;
    private final int historyLimit;
    private final Duration tasteHalfLife;

    public UserDataService(UserDataRepository data, InteractionLogRepository history, ConsentViewStore consents,
                           CatalogService catalog, RankingConfig config) {
        this.data = data;
        this.history = history;
        this.consents = consents;
        this.catalog = catalog;
        this.historyLimit = config.historyLimit();
        this.tasteHalfLife = config.tasteHalfLife();
    }

    public Uni<UserDataSummary> summary(String userId) {
        return Uni.combine().all().unis(data.summary(userId), inferred(userId)).asTuple().map(t -> {
            List<UserDataSummary.Holding> holdings = new ArrayList<>();
            for (UserDataRepository.Held held : t.getItem1()) {
                if (held.count() > 0) {
                    holdings.add(new UserDataSummary.Holding(category(held.table()), "postgresql:" + held.table(),
                            held.count(), held.oldest(), held.newest()));
                }
            }
            Affinities affinities = t.getItem2();
            int inferred = affinities.genres().size() + affinities.themes().size();
            if (inferred > 0) {
                holdings.add(new UserDataSummary.Holding(DataCategories.INFERRED_AFFINITIES, AFFINITIES_STORE, inferred,
                        null, null));
            }
            return new UserDataSummary(UserDataSummary.VERSION, Services.RANKING, holdings);
        });
    }

    private static String category(String table) {
        return table.equals("consent_view") ? DataCategories.CONSENTS : DataCategories.INTERACTION_HISTORY;
    }

    /**
     * Everything, in three statements whatever the size of the history; the affinities are computed from the rows
     * read, exactly as a request would compute them from its most recent events.
     */
    public Uni<UserDataExport> export(String userId) {
        return Uni.combine().all().unis(data.interactions(userId), data.forgotten(userId), consents.find(userId)).asTuple()
                .map(t -> {
                    CatalogSnapshot snapshot = catalog.snapshot();
                    List<HistoryEvent> events = t.getItem1();
                    Map<String, Object> out = new LinkedHashMap<>();
                    List<ExportViews.Interaction> interactions = new ArrayList<>(events.size());
                    for (HistoryEvent e : events) {
                        CatalogTitle title = e.titleId() == null ? null : snapshot.get(e.titleId());
                        interactions.add(new ExportViews.Interaction(e.eventId(), e.titleId(), title == null ? null : title.name(),
                                e.type().name(), e.value(), e.occurredAt(), e.device(), e.localHour()));
                    }
                    List<ExportViews.ForgottenEvent> forgotten = t.getItem2().stream()
                            .map(f -> new ExportViews.ForgottenEvent(f.eventId(), f.forgottenAt())).toList();
                    out.put(DataCategories.INTERACTION_HISTORY, new ExportViews.InteractionHistory(interactions, forgotten,
                            "ranking-service's copy of your events (searches are kept without their text), and the ids of"
                                    + " events you asked to forget, kept so that a late copy of them is not stored again"));
                    out.put(DataCategories.INFERRED_AFFINITIES, inferredView(Affinities.of(recent(events), snapshot, Instant.now(),
                            tasteHalfLife)));
                    ConsentView view = t.getItem3();
                    if (view != null) {
                        out.put(DataCategories.CONSENTS, view);
                    }
                    return new UserDataExport(UserDataExport.VERSION, Services.RANKING, userId, Instant.now(), out);
                });
    }

    /**
     * The user's strongest genres and themes, only if the token grants assistant-context (the purpose this summary
     * is given out for); otherwise empty, and the history is not read at all.
     */
    public Uni<AffinitiesView> affinities(String userId, GrantedPurposes purposes, int limit) {
        if (!purposes.allows(Purposes.ASSISTANT_CONTEXT)) {
            return Uni.createFrom().item(new AffinitiesView(List.of(), List.of(), 0));
        }
        return inferred(userId).map(a -> {
            Affinities top = a.top(limit);
            return new AffinitiesView(weighted(top.genres()), weighted(top.themes()), top.basedOnEvents());
        });
    }

    private Uni<Affinities> inferred(String userId) {
        return history.recent(userId, historyLimit)
                .map(events -> Affinities.of(events, catalog.snapshot(), Instant.now(), tasteHalfLife));
    }

    /** What a request reads: the newest {@code historyLimit} events about a title, newest first. */
    private List<HistoryEvent> recent(List<HistoryEvent> all) {
        return all.stream().filter(e -> e.titleId() != null)
                .sorted(Comparator.comparing(HistoryEvent::occurredAt).reversed().thenComparing(HistoryEvent::eventId))
                .limit(historyLimit).toList();
    }

    private ExportViews.InferredAffinities inferredView(Affinities a) {
        String explanation = "Inferred by ranking-service from your " + historyLimit + " most recent events at most ("
                + a.basedOnEvents() + " of them speak for a title): a completion counts 2, a play 1, a click 0.3, a rating"
                + " its stars above 3, and each counts half as much after every " + tasteHalfLife.toDays() + " days. A"
                + " weight is the share of that taste going to the genre (a title shares its weight among its genres) or"
                + " the theme. Top picks are calibrated to this genre mix and theme rows follow these themes; they are"
                + " used only while you allow personalization, and computed when needed, never stored.";
        return new ExportViews.InferredAffinities(explanation, a.basedOnEvents(), explained(a.genres()), explained(a.themes()));
    }

    private static List<ExportViews.Affinity> explained(List<Affinities.Affinity> list) {
        return list.stream().map(x -> {
            Map<String, Integer> events = new LinkedHashMap<>();
            for (InteractionType type : InteractionType.values()) {
                if (x.events().containsKey(type)) {
                    events.put(type.name(), x.events().get(type));
                }
            }
            return new ExportViews.Affinity(x.name(), x.weight(), events, x.explanation());
        }).toList();
    }

    private static List<AffinitiesView.Weighted> weighted(List<Affinities.Affinity> list) {
        return list.stream().map(x -> new AffinitiesView.Weighted(x.name(), x.weight())).toList();
    }
}
