package io.serenade.artwork.policy;

import java.util.List;

/** One enabled artwork variant as a policy sees it: its id and the features a contextual policy may learn from. */
public record Arm(String artworkId, List<String> tags, String dominantColour) {

    public Arm {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
