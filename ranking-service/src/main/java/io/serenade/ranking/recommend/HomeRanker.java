package io.serenade.ranking.recommend;

import io.serenade.events.InteractionType;
import io.serenade.ranking.recommend.model.TopK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Builds a home page. With the personalization purpose and a history: Top picks (collaborative scores,
 * calibrated to the history's genre mix by the user's diversity dial), Because you watched X (several),
 * Trending now, per-theme rows, New for you and Something different. Without: Trending now, stated interests
 * (with consent), popular genres and New on Serenade, and a notice saying why. No title appears twice on a
 * page; completed titles and titles above the profile's maturity are never shown; titles the user already
 * watched are not recommended to them again.
 */
public final class HomeRanker {

    /** Tuning of the page; fed from typed configuration by the service. */
    public record Settings(int rowSize, int minRowSize, int becauseRows, int themeRows, double popularityPrior,
                           Duration tasteHalfLife, Duration newFor) {
        public Settings {
            if (rowSize < 1 || minRowSize < 1 || minRowSize > rowSize) {
                throw new IllegalArgumentException("need 1 <= minRowSize <= rowSize");
            }
        }
    }

    public static final String NOT_PERMITTED = "Not personalized: you have not allowed Serenade to use your activity"
            + " for recommendations (purpose 'personalization'). Change it in your consent settings.";
    public static final String NO_MODEL = "Your own picks appear as soon as the first model is trained.";

    /** Top picks are re-ranked from this many of the best-scored titles. */
    private static final int CALIBRATION_CANDIDATES = 200;
    /** Events listed per explanation; the rest are summed in otherShare. */
    private static final int EXPLAINED_EVENTS = 3;
    /** Genres covering this share of the history's mix are the user's "usual" ones. */
    private static final double USUAL_MASS = 0.7;
    private static final int POPULAR_GENRE_ROWS = 3;

    private final Settings settings;

    public HomeRanker(Settings settings) {
        this.settings = settings;
    }

    public HomePage rank(HomeRequest request) {
        Page page = new Page(request);
        boolean personal = request.personalization() && request.model() != null && !request.history().isEmpty();
        if (personal) {
            PersonalScores scores = PersonalScores.of(request.model(), request.history(), request.now(), settings.tasteHalfLife());
            if (!scores.isEmpty()) {
                new PersonalRows(page, scores).build();
                return new HomePage(page.rows, true, null);
            }
        }
        boolean stated = request.personalization() && !request.statedGenres().isEmpty();
        nonPersonalRows(page, stated);
        String notice = !request.personalization() ? NOT_PERMITTED
                : !request.history().isEmpty() && request.model() == null ? NO_MODEL : null;
        return new HomePage(page.rows, stated && page.rows.stream().anyMatch(r -> r.id().startsWith("stated-")), notice);
    }

    private void nonPersonalRows(Page page, boolean stated) {
        CatalogSnapshot catalog = page.request.catalog();
        page.add(new HomeRow("trending", "Trending now", page.fill(catalog.popular(), t -> Reason.trending())));
        if (stated) {
            for (String genre : page.request.statedGenres()) {
                page.add(new HomeRow("stated-" + genre, label(genre) + " for you",
                        page.fill(catalog.popularInGenre(genre), t -> Reason.statedGenre(genre))));
            }
        }
        int genreRows = 0;
        for (String genre : catalog.genresBySize()) {
            if (genreRows == POPULAR_GENRE_ROWS) {
                break;
            }
            if (page.add(new HomeRow("genre-" + genre, "Popular in " + label(genre),
                    page.fill(catalog.popularInGenre(genre), t -> Reason.popularInGenre(genre))))) {
                genreRows++;
            }
        }
        page.add(new HomeRow("new", "New on Serenade", page.fill(catalog.newest(), t -> Reason.fresh())));
    }

    /** The rows of a page under construction, and the rules every row obeys. */
    private final class Page {
        final HomeRequest request;
        final List<HomeRow> rows = new ArrayList<>();
        final Set<String> used = new HashSet<>();
        final Set<String> completed = new HashSet<>();

        Page(HomeRequest request) {
            this.request = request;
            request.history().stream().filter(e -> e.type() == InteractionType.COMPLETE)
                    .forEach(e -> completed.add(e.titleId()));
        }

        boolean showable(CatalogTitle t) {
            return t != null && !used.contains(t.titleId()) && !completed.contains(t.titleId())
                    && request.maturity().allows(t.maturityRating());
        }

        /** The first showable titles of an ordered list, scored by popularity. */
        List<HomeRow.Item> fill(List<CatalogTitle> ordered, Function<CatalogTitle, Reason> reason) {
            List<HomeRow.Item> row = new ArrayList<>(settings.rowSize());
            for (int i = 0; i < ordered.size() && row.size() < settings.rowSize(); i++) {
                CatalogTitle t = ordered.get(i);
                if (showable(t)) {
                    row.add(new HomeRow.Item(t, request.catalog().normalizedPopularity(t), reason.apply(t), null));
                }
            }
            return row;
        }

        /** Keeps a row only if it is full enough to show; its titles then count as used on this page. */
        boolean add(HomeRow row) {
            if (row.items().size() < settings.minRowSize()) {
                return false;
            }
            rows.add(row);
            row.items().forEach(i -> used.add(i.title().titleId()));
            return true;
        }
    }

    /** Rows for a user whose history the model can read. */
    private final class PersonalRows {
        final Page page;
        final PersonalScores scores;
        final CatalogTitle[] aligned;
        final double[] popularity;
        final double[] blended;
        final boolean[] seen;
        /**
         * Per model index: may never be shown (watched, completed, too mature, not in the catalog), or already
         * on this page. Arrays, because every personal row tests all titles and hashing 10,000 ids per row
         * was most of a page's time.
         */
        final boolean[] blocked;
        final boolean[] used;
        /** The genre mix of the history (Steck's p(g|u)): calibration's target and the "usual" genres. */
        final Map<String, Double> historyMix;

        PersonalRows(Page page, PersonalScores scores) {
            this.page = page;
            this.scores = scores;
            this.aligned = page.request.aligned();
            int n = aligned.length;
            this.popularity = new double[n];
            this.blended = new double[n];
            this.seen = new boolean[n];
            double[] personal = scores.scores();
            for (int j = 0; j < n; j++) {
                popularity[j] = aligned[j] == null ? 0 : page.request.catalog().normalizedPopularity(aligned[j]);
                blended[j] = personal[j] + settings.popularityPrior() * popularity[j];
            }
            for (HistoryEvent e : page.request.history()) {
                int i = scores.model().indexOf(e.titleId());
                if (i >= 0 && InteractionWeights.taste(e.type(), e.value()) > 0) {
                    seen[i] = true;
                }
            }
            this.blocked = new boolean[n];
            this.used = new boolean[n];
            for (int j = 0; j < n; j++) {
                blocked[j] = seen[j] || !page.showable(aligned[j]);
            }
            this.historyMix = historyMix();
        }

        /** Adds a row to the page if it is full enough, and marks its titles as used here too. */
        boolean add(HomeRow row) {
            if (!page.add(row)) {
                return false;
            }
            for (HomeRow.Item item : row.items()) {
                int j = scores.model().indexOf(item.title().titleId());
                if (j >= 0) {
                    used[j] = true;
                }
            }
            return true;
        }

        void build() {
            topPicks();
            becauseYouWatched();
            add(new HomeRow("trending", "Trending now", page.fill(page.request.catalog().popular(), t -> Reason.trending())));
            themeRows();
            newForYou();
            somethingDifferent();
        }

        boolean eligible(int j) {
            return !blocked[j] && !used[j];
        }

        HomeRow.Item personalItem(int j, Reason reason) {
            Explanation why = scores.explain(j, settings.popularityPrior() * popularity[j], EXPLAINED_EVENTS, aligned);
            return new HomeRow.Item(aligned[j], blended[j], reason, why);
        }

        void topPicks() {
            int[] candidates = TopK.top(blended, CALIBRATION_CANDIDATES, this::eligible);
            if (candidates.length == 0) {
                return;
            }
            double max = Math.max(1e-12, blended[candidates[0]]);
            double[] relevance = new double[blended.length];
            double[] novelty = new double[blended.length];
            for (int j : candidates) {
                relevance[j] = blended[j] / max;
                novelty[j] = 1 - popularity[j];
            }
            List<Integer> chosen = Calibrator.rerank(candidates, relevance, novelty, aligned, historyMix,
                    page.request.diversity(), settings.rowSize());
            List<HomeRow.Item> items = new ArrayList<>();
            for (int j : chosen) {
                HomeRow.Item item = personalItem(j, null);
                String because = item.explanation().because().isEmpty() ? null : item.explanation().because().get(0).titleName();
                items.add(new HomeRow.Item(item.title(), item.score(), Reason.topPick(because), item.explanation()));
            }
            add(new HomeRow("top-picks", "Top picks for you", items));
        }

        /** One row per recent, liked title: what the model puts next to it alone. */
        void becauseYouWatched() {
            List<HistoryEvent> events = scores.events();
            Set<String> sources = new HashSet<>();
            // Newest first: the history comes newest first; the row follows what the user did lately.
            List<Integer> order = new ArrayList<>();
            for (int e = 0; e < events.size(); e++) {
                order.add(e);
            }
            order.sort(Comparator.comparing((Integer e) -> events.get(e).occurredAt()).reversed());
            int made = 0;
            for (int e : order) {
                if (made == settings.becauseRows()) {
                    break;
                }
                HistoryEvent event = events.get(e);
                int source = scores.indexOfEvent(e);
                if (scores.weightOf(e) <= 0 || aligned[source] == null || !sources.add(event.titleId())) {
                    continue;
                }
                double[] single = new double[aligned.length];
                scores.model().weights().accumulate(source, scores.weightOf(e), single);
                int[] best = TopK.top(single, settings.rowSize(), j -> single[j] > 0 && eligible(j));
                List<HomeRow.Item> items = new ArrayList<>();
                for (int j : best) {
                    items.add(new HomeRow.Item(aligned[j], single[j], Reason.becauseYouWatched(aligned[source].name()),
                            scores.explainSingle(e, j, 0, aligned)));
                }
                if (add(new HomeRow("because-" + event.titleId(), "Because you watched " + aligned[source].name(), items))) {
                    made++;
                }
            }
        }

        void themeRows() {
            Map<String, Double> themes = new HashMap<>();
            List<HistoryEvent> events = scores.events();
            for (int e = 0; e < events.size(); e++) {
                CatalogTitle t = aligned[scores.indexOfEvent(e)];
                double w = scores.weightOf(e);
                if (t != null && w > 0) {
                    t.themes().forEach(th -> themes.merge(th, w, Double::sum));
                }
            }
            List<String> strongest = themes.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            int made = 0;
            for (String theme : strongest) {
                if (made == settings.themeRows()) {
                    break;
                }
                int[] best = TopK.top(blended, settings.rowSize(),
                        j -> eligible(j) && aligned[j].themes().contains(theme));
                List<HomeRow.Item> items = new ArrayList<>();
                for (int j : best) {
                    items.add(personalItem(j, Reason.theme(theme)));
                }
                if (add(new HomeRow("theme-" + theme, label(theme) + " stories for you", items))) {
                    made++;
                }
            }
        }

        void newForYou() {
            Instant since = page.request.now().minus(settings.newFor());
            IntPredicate fresh = j -> eligible(j) && aligned[j].availableFrom() != null
                    && aligned[j].availableFrom().isAfter(since) && !aligned[j].availableFrom().isAfter(page.request.now());
            int[] best = TopK.top(blended, settings.rowSize(), fresh);
            List<HomeRow.Item> items = new ArrayList<>();
            for (int j : best) {
                items.add(personalItem(j, Reason.newForYou()));
            }
            add(new HomeRow("new-for-you", "New for you", items));
        }

        /** Popular titles none of whose genres is among the user's usual ones. */
        void somethingDifferent() {
            Map<String, Double> mix = historyMix;
            List<String> usual = new ArrayList<>();
            double covered = 0;
            for (Map.Entry<String, Double> g : mix.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList()) {
                if (covered >= USUAL_MASS) {
                    break;
                }
                usual.add(g.getKey());
                covered += g.getValue();
            }
            String words = usual.stream().map(HomeRanker::label).collect(Collectors.joining(", "));
            Reason reason = Reason.somethingDifferent(words);
            List<CatalogTitle> outside = page.request.catalog().popular().stream()
                    .filter(t -> t.popularity() > 0 && t.genres().stream().noneMatch(usual::contains))
                    .filter(t -> {
                        int j = scores.model().indexOf(t.titleId());
                        return j < 0 || !seen[j];
                    })
                    .limit(settings.rowSize() * 4L)
                    .toList();
            add(new HomeRow("something-different", "Something different", page.fill(outside, t -> reason)));
        }

        /** The genre mix of the history, each event by its weight (Steck's p(g|u)). */
        Map<String, Double> historyMix() {
            List<CatalogTitle> titles = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            List<HistoryEvent> events = scores.events();
            for (int e = 0; e < events.size(); e++) {
                titles.add(aligned[scores.indexOfEvent(e)]);
                weights.add(scores.weightOf(e));
            }
            return Calibrator.mix(titles, weights);
        }
    }

    /** "sci-fi" → "Sci-fi": tag ids are lower-case slugs, headings start with a capital. */
    static String label(String tag) {
        return tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1);
    }
}
