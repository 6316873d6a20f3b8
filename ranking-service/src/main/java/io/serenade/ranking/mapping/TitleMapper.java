package io.serenade.ranking.mapping;

import io.serenade.events.MaturityRating;
import io.serenade.events.TitleUpserted;
import io.serenade.ranking.api.HomeView;
import io.serenade.ranking.api.TitleUpsert;
import io.serenade.ranking.api.TitleView;
import io.serenade.ranking.model.Title;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.Explanation;
import io.serenade.ranking.recommend.HomeRow;

import java.util.List;

/** Conversions between titles as stored, as events, as the ranker sees them and as the API shows them. */
public final class TitleMapper {

    private TitleMapper() {
    }

    public static void apply(TitleUpsert r, Title t) {
        t.name = r.name();
        t.genres = List.copyOf(r.genres());
        t.themes = r.themes() == null ? List.of() : List.copyOf(r.themes());
        t.moods = r.moods() == null ? List.of() : List.copyOf(r.moods());
        t.maturityRating = r.maturityRating();
        t.releaseYear = r.releaseYear();
        t.availableFrom = r.availableFrom();
    }

    public static TitleView toView(Title t) {
        return new TitleView(t.titleId, t.name, t.genres, t.themes, t.moods, t.maturityRating, t.releaseYear,
                t.availableFrom, t.updatedAt);
    }

    public static TitleUpserted toEvent(Title t) {
        return new TitleUpserted(0, t.titleId, t.name, t.genres, t.themes, t.moods,
                MaturityRating.fromLabel(t.maturityRating), t.releaseYear, t.availableFrom, t.updatedAt);
    }

    public static CatalogTitle toCatalogTitle(Title t) {
        return new CatalogTitle(t.titleId, t.name, List.copyOf(t.genres), List.copyOf(t.themes), List.copyOf(t.moods),
                MaturityRating.fromLabel(t.maturityRating), t.releaseYear, t.availableFrom, 0);
    }

    public static HomeView.Row toRow(HomeRow row) {
        return new HomeView.Row(row.id(), row.heading(), row.items().stream().map(TitleMapper::toItem).toList());
    }

    private static HomeView.Item toItem(HomeRow.Item i) {
        CatalogTitle t = i.title();
        return new HomeView.Item(t.titleId(), t.name(), t.genres(), t.maturityRating().label(), i.score(),
                new HomeView.Reason(i.reason().code(), i.reason().text(), i.reason().personal()),
                i.explanation() == null ? null : toView(i.explanation()));
    }

    /** Scores are not rounded: a client must be able to check that the shares add up. */
    private static HomeView.Explanation toView(Explanation e) {
        return new HomeView.Explanation(e.personalScore(), e.popularityScore(), e.because().stream()
                .map(b -> new HomeView.Because(b.event().eventId(), b.event().titleId(), b.titleName(), b.event().type().name(),
                        b.event().occurredAt(), b.contribution(), b.share()))
                .toList(), e.otherShare());
    }
}
