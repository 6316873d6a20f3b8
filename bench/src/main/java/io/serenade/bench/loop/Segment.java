package io.serenade.bench.loop;

/**
 * A group of simulated viewers who share one viewing context (the request's device, local time and locale) and one
 * taste: art with their preferred tag is played four times as often as any other art.
 */
enum Segment {

    A("tv", "21:00", "en-GB", "ominous"),
    B("mobile", "08:00", "en-US", "faces"),
    C("web", "13:00", "fr-FR", "minimal");

    static final double PREFERRED_RATE = 0.12;
    static final double OTHER_RATE = 0.03;

    private final String device;
    private final String localTime;
    private final String locale;
    private final String preferredTag;

    Segment(String device, String localTime, String locale, String preferredTag) {
        this.device = device;
        this.localTime = localTime;
        this.locale = locale;
        this.preferredTag = preferredTag;
    }

    String device() {
        return device;
    }

    String localTime() {
        return localTime;
    }

    String locale() {
        return locale;
    }

    String preferredTag() {
        return preferredTag;
    }

    /** The probability that a viewer of this segment plays a title shown with art carrying {@code tag}. */
    double playRate(String tag) {
        return preferredTag.equals(tag) ? PREFERRED_RATE : OTHER_RATE;
    }
}
