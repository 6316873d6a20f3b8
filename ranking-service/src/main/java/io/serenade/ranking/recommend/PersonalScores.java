package io.serenade.ranking.recommend;

import io.serenade.ranking.recommend.model.ItemItemModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A user's personal score for every title of a model, computed from their history at request time (so a new
 * play or a forgotten event changes the very next page) and decomposable into per-event contributions.
 * Each event weighs {@link InteractionWeights#taste} halved every taste half-life.
 */
public final class PersonalScores {

    private final ServingModel model;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final List<Integer> eventIndex = new ArrayList<>();
    private final List<Double> eventWeight = new ArrayList<>();
    private final double[] scores;

    private PersonalScores(ServingModel model, List<HistoryEvent> history, Instant now, Duration tasteHalfLife) {
        this.model = model;
        ItemItemModel w = model.weights();
        double[] perItem = new double[model.size()];
        double halfLife = Math.max(1, tasteHalfLife.toSeconds());
        for (HistoryEvent e : history) {
            int i = model.indexOf(e.titleId());
            double taste = InteractionWeights.taste(e.type(), e.value());
            if (i < 0 || taste == 0) {
                continue;
            }
            double age = Math.max(0, Duration.between(e.occurredAt(), now).toSeconds());
            double weight = taste * Math.pow(0.5, age / halfLife);
            events.add(e);
            eventIndex.add(i);
            eventWeight.add(weight);
            perItem[i] += weight;
        }
        // One pass per distinct title, not per event: a title played ten times costs one row of the model.
        this.scores = new double[model.size()];
        for (int i = 0; i < perItem.length; i++) {
            if (perItem[i] != 0) {
                w.accumulate(i, perItem[i], scores);
            }
        }
    }

    public static PersonalScores of(ServingModel model, List<HistoryEvent> history, Instant now, Duration tasteHalfLife) {
        return new PersonalScores(model, history, now, tasteHalfLife);
    }

    public ServingModel model() {
        return model;
    }

    /** Personal scores indexed like the model's titles. Do not modify. */
    public double[] scores() {
        return scores;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** The events that carry weight, with their weights, in history order. */
    public List<HistoryEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public double weightOf(int eventPosition) {
        return eventWeight.get(eventPosition);
    }

    public int indexOfEvent(int eventPosition) {
        return eventIndex.get(eventPosition);
    }

    /**
     * The decomposition of title {@code j}'s personal score into per-event contributions, the {@code top}
     * largest listed. Recomputed from the same weights the score came from, so it is exact.
     */
    public Explanation explain(int j, double popularityScore, int top, CatalogTitle[] aligned) {
        ItemItemModel w = model.weights();
        int n = events.size();
        double[] contribution = new double[n];
        double personal = 0;
        for (int e = 0; e < n; e++) {
            contribution[e] = eventWeight.get(e) * w.weight(eventIndex.get(e), j);
            personal += contribution[e];
        }
        return explanation(contribution, personal, popularityScore, top, aligned);
    }

    /** The explanation of a score that comes from one event alone (a "Because you watched" row). */
    public Explanation explainSingle(int eventPosition, int j, double popularityScore, CatalogTitle[] aligned) {
        double[] contribution = new double[events.size()];
        contribution[eventPosition] = eventWeight.get(eventPosition) * model.weights().weight(eventIndex.get(eventPosition), j);
        return explanation(contribution, contribution[eventPosition], popularityScore, 1, aligned);
    }

    private Explanation explanation(double[] contribution, double personal, double popularityScore, int top,
                                    CatalogTitle[] aligned) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < contribution.length; e++) {
            if (contribution[e] != 0) {
                order.add(e);
            }
        }
        order.sort(Comparator.comparingDouble((Integer e) -> -contribution[e]).thenComparing(e -> e));
        List<Explanation.Because> because = new ArrayList<>();
        double listed = 0;
        for (int k = 0; k < Math.min(top, order.size()); k++) {
            int e = order.get(k);
            if (contribution[e] <= 0) {
                break;   // a negative contribution (a low rating) is no reason *for* a title
            }
            double share = personal == 0 ? 0 : contribution[e] / personal;
            CatalogTitle source = aligned[eventIndex.get(e)];
            because.add(new Explanation.Because(events.get(e), source == null ? null : source.name(), contribution[e], share));
            listed += share;
        }
        return new Explanation(personal, popularityScore, because, personal == 0 ? 0 : 1 - listed);
    }
}
