package io.serenade.ranking.recommend;

import io.serenade.ranking.recommend.model.ItemItemModel;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One trained model version as requests use it: the titles it knows, in its own index order, and the linear
 * item-to-item weights. Immutable; training builds a new one and swaps it in whole.
 */
public final class ServingModel {

    private final String modelId;
    private final String kind;
    private final Instant trainedAt;
    private final List<String> titleIds;
    private final Map<String, Integer> indexOf;
    private final ItemItemModel weights;

    public ServingModel(String modelId, String kind, Instant trainedAt, List<String> titleIds, ItemItemModel weights) {
        if (titleIds.size() != weights.items()) {
            throw new IllegalArgumentException(titleIds.size() + " titles for a model of " + weights.items() + " items");
        }
        this.modelId = modelId;
        this.kind = kind;
        this.trainedAt = trainedAt;
        this.titleIds = List.copyOf(titleIds);
        Map<String, Integer> index = new HashMap<>(titleIds.size() * 2);
        for (int i = 0; i < titleIds.size(); i++) {
            index.put(titleIds.get(i), i);
        }
        this.indexOf = Map.copyOf(index);
        this.weights = weights;
    }

    public String modelId() {
        return modelId;
    }

    public String kind() {
        return kind;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public int size() {
        return titleIds.size();
    }

    public String titleId(int index) {
        return titleIds.get(index);
    }

    /** The title's index in this model, or -1 for a title it was not trained with. */
    public int indexOf(String titleId) {
        Integer i = indexOf.get(titleId);
        return i == null ? -1 : i;
    }

    public ItemItemModel weights() {
        return weights;
    }

    /**
     * The catalog's current titles in this model's index order (null where a title left the catalog), so a
     * request looks titles up by array index instead of hashing thousands of ids.
     */
    public CatalogTitle[] align(CatalogSnapshot catalog) {
        CatalogTitle[] aligned = new CatalogTitle[titleIds.size()];
        for (int i = 0; i < aligned.length; i++) {
            aligned[i] = catalog.get(titleIds.get(i));
        }
        return aligned;
    }
}
