package io.serenade.ranking.recommend.model;

import java.util.List;

/**
 * A weighted sum of item-item models over the same items, W = Σ weight_m · W_m. Still linear, so a blended score
 * still splits exactly into per-history-item contributions.
 */
public final class Blend implements ItemItemModel {

    private final ItemItemModel[] models;
    private final double[] weights;
    private final int items;

    private Blend(ItemItemModel[] models, double[] weights) {
        this.models = models;
        this.weights = weights;
        this.items = models[0].items();
    }

    public static Blend of(List<ItemItemModel> models, double[] weights) {
        if (models.isEmpty() || models.size() != weights.length) {
            throw new IllegalArgumentException(models.size() + " models for " + weights.length + " weights");
        }
        int items = models.get(0).items();
        for (ItemItemModel m : models) {
            if (m.items() != items) {
                throw new IllegalArgumentException("models disagree on the item count: " + m.items() + " vs " + items);
            }
        }
        return new Blend(models.toArray(new ItemItemModel[0]), weights.clone());
    }

    @Override
    public int items() {
        return items;
    }

    @Override
    public void accumulate(int fromItem, double weight, double[] scores) {
        for (int m = 0; m < models.length; m++) {
            if (weights[m] != 0) {
                models[m].accumulate(fromItem, weight * weights[m], scores);
            }
        }
    }

    @Override
    public double weight(int fromItem, int toItem) {
        double sum = 0;
        for (int m = 0; m < models.length; m++) {
            sum += weights[m] * models[m].weight(fromItem, toItem);
        }
        return sum;
    }
}
