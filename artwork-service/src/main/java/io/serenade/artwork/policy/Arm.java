package io.serenade.artwork.policy;

import java.util.List;

/**
 * One candidate a policy may choose: its id (an artwork id, or an item id in the off-line evaluation), the tags a
 * person would name it by, and its features for contextual policies.
 */
public record Arm(String id, List<String> tags, SparseVector features) {

    public Arm {
        tags = tags == null ? List.of() : List.copyOf(tags);
        features = features == null ? SparseVector.EMPTY : features;
    }
}
