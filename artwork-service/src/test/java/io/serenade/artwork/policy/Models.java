package io.serenade.artwork.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mutable bandit model and arm lists for policy tests. */
final class Models {

    private Models() {
    }

    static final class Mutable implements BanditModel {
        final Map<String, BetaStats> stats = new HashMap<>();
        final LinearModel linear;

        Mutable(LinearModel linear) {
            this.linear = linear;
        }

        @Override
        public BetaStats stats(String armId) {
            return stats.getOrDefault(armId, BetaStats.NONE);
        }

        @Override
        public LinearModel linear() {
            return linear;
        }

        void record(String armId, double reward) {
            stats.put(armId, stats(armId).plus(1, reward));
        }
    }

    /** k arms "a0".."a(k-1)", arm i carrying only tag i of the space. */
    static List<Arm> arms(FeatureSpace space, int k) {
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<String> tags = List.of(space.tags().get(i));
            arms.add(new Arm("a" + i, tags, space.armFeatures(tags)));
        }
        return arms;
    }
}
