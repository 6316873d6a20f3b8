package io.serenade.bench.bandit;

import io.serenade.artwork.policy.Arm;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.bench.bandit.BanditLog.ItemFeatures;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The contextual policy's features for logged rounds. A viewer is a bias term and one indicator per (user feature,
 * value) seen in training; an item is its numeric feature and one indicator per categorical feature value, or an
 * indicator of its own id when the log describes it no further (Serenade's artwork).
 */
final class FeatureEncoder {

    private final Map<String, Integer> contextIndex;
    private final Map<String, Integer> armIndex;
    private final Map<String, ItemFeatures> items;
    private final Map<String, Arm> arms = new HashMap<>();

    private FeatureEncoder(Map<String, Integer> contextIndex, Map<String, Integer> armIndex, Map<String, ItemFeatures> items) {
        this.contextIndex = contextIndex;
        this.armIndex = armIndex;
        this.items = items;
    }

    /**
     * The vocabulary: user feature values from the training rounds only (a value first seen later is unknown, as it
     * would be to a model trained then); item features from the item table, which is known before any round.
     */
    static FeatureEncoder fit(BanditLog log, List<LoggedRound> train) {
        Map<String, Integer> context = new LinkedHashMap<>();
        context.put("bias", 0);
        Map<String, Integer> arm = new LinkedHashMap<>();
        arm.put("numeric", 0);
        for (LoggedRound r : train) {
            for (String name : userFeatureNames(r)) {
                context.putIfAbsent(name, context.size());
            }
            if (!log.items().containsKey(r.item())) {
                arm.putIfAbsent(idFeature(r.item()), arm.size());
            }
        }
        for (ItemFeatures f : log.items().values()) {
            for (String name : categoryNames(f)) {
                arm.putIfAbsent(name, arm.size());
            }
        }
        return new FeatureEncoder(context, arm, log.items());
    }

    int contextDim() {
        return contextIndex.size();
    }

    int armDim() {
        return armIndex.size();
    }

    SparseVector context(LoggedRound round) {
        double[] x = new double[contextDim()];
        x[0] = 1;
        for (String name : userFeatureNames(round)) {
            Integer i = contextIndex.get(name);
            if (i != null) {
                x[i] = 1;
            }
        }
        return SparseVector.ofDense(x);
    }

    Arm arm(String item) {
        return arms.computeIfAbsent(item, id -> {
            double[] z = new double[armDim()];
            ItemFeatures f = items.get(id);
            List<String> names = f == null ? List.of(idFeature(id)) : categoryNames(f);
            if (f != null) {
                z[0] = f.numeric();
            }
            for (String name : names) {
                Integer i = armIndex.get(name);
                if (i != null) {
                    z[i] = 1;
                }
            }
            return new Arm(id, List.of(), SparseVector.ofDense(z));
        });
    }

    /** "u2=value" per non-empty user feature: the position is part of the name, as equal hashes may mean different things. */
    private static List<String> userFeatureNames(LoggedRound round) {
        List<String> values = round.userFeatures();
        return IntStream.range(0, values.size()).filter(u -> !values.get(u).isBlank())
                .mapToObj(u -> "u" + u + "=" + values.get(u)).toList();
    }

    private static List<String> categoryNames(ItemFeatures f) {
        List<String> values = f.categories();
        return IntStream.range(0, values.size()).filter(c -> !values.get(c).isBlank())
                .mapToObj(c -> "c" + c + "=" + values.get(c)).toList();
    }

    private static String idFeature(String item) {
        return "id=" + item;
    }
}
