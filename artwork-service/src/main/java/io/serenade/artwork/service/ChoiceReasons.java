package io.serenade.artwork.service;

import io.serenade.artwork.api.ChoiceResponse.Why;
import io.serenade.artwork.policy.FeatureSpace;
import io.serenade.artwork.policy.LinUcbPolicy;

import java.util.Map;

/** The words for why a viewer sees an image; the codes are stable, the texts are for people. */
final class ChoiceReasons {

    static final Why PERSONALIZATION_OFF = new Why("personalization-off",
            "The image most viewers play. Personalized artwork is off in your privacy settings.");
    static final Why STICKY = new Why("sticky", "The image you were shown for this title before, kept so it does not change under you.");
    static final Why EXPLORING = new Why("exploring", "Now and then we show another image, to learn which ones you prefer.");
    static final Why POPULAR = new Why("popular", "The image most viewers play for this title.");

    private static final Map<String, String> LOOKS = Map.of(
            "faces", "shows faces", "action", "shows action", "romantic", "looks romantic", "ominous", "looks ominous",
            "minimal", "is minimal", "bright", "is bright", "dark", "is dark", "text", "shows the title in large type");

    private ChoiceReasons() {
    }

    static String looks(String tag) {
        return LOOKS.getOrDefault(tag, "is tagged " + tag);
    }

    /** The personal reason behind a contextual choice, or {@link #POPULAR} when no personal feature raised it. */
    static Why personal(LinUcbPolicy.Reason reason, FeatureSpace features) {
        if (reason == null) {
            return POPULAR;
        }
        FeatureSpace.Feature viewer = features.describeContext(reason.contextFeature());
        String art = looks(features.describeArm(reason.armFeature()));
        String text = switch (viewer.kind()) {
            case "tag" -> viewer.value().equals(features.describeArm(reason.armFeature()))
                    ? "You often play titles whose art " + art + "."
                    : "You often play titles whose art " + looks(viewer.value()) + ", and viewers like that play art that " + art + ".";
            case "device" -> "On " + viewer.value() + ", art that " + art + " gets played more.";
            case "daypart" -> "In the " + viewer.value() + ", art that " + art + " gets played more.";
            case "genre" -> "Viewers who watch the genres you watch play art that " + art + " more.";
            case "language" -> "Viewers who share your language play art that " + art + " more.";
            default -> null;
        };
        return text == null ? POPULAR : new Why("personal", text);
    }
}
