package io.serenade.artwork.policy;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serenade's features for the contextual policy. A variant is described by which of a fixed tag vocabulary it
 * carries; a viewer by a bias term, the share of their plays that followed art with each tag, their genre mix
 * (hashed into a few buckets, since the genre list is open), device, local time of day and language (hashed too).
 * The layout is fixed by the vocabulary, so stored model sums stay meaningful across restarts; changing the
 * vocabulary changes the layout and the service then starts a new model.
 */
public final class FeatureSpace {

    public static final List<String> DEVICES = List.of("tv", "mobile", "web", "tablet");
    public static final List<String> DAYPARTS = List.of("morning", "afternoon", "evening", "night");
    static final int GENRE_BUCKETS = 8;
    static final int LOCALE_BUCKETS = 4;

    private final List<String> tags;
    private final int tagOffset = 1;
    private final int genreOffset;
    private final int deviceOffset;
    private final int daypartOffset;
    private final int localeOffset;
    private final int contextDim;

    public FeatureSpace(List<String> tags) {
        if (tags.isEmpty() || tags.stream().distinct().count() != tags.size()) {
            throw new IllegalArgumentException("the tag vocabulary must be non-empty and without repeats");
        }
        this.tags = List.copyOf(tags);
        this.genreOffset = tagOffset + tags.size();
        this.deviceOffset = genreOffset + GENRE_BUCKETS;
        this.daypartOffset = deviceOffset + DEVICES.size();
        this.localeOffset = daypartOffset + DAYPARTS.size();
        this.contextDim = localeOffset + LOCALE_BUCKETS;
    }

    public List<String> tags() {
        return tags;
    }

    public int contextDim() {
        return contextDim;
    }

    public int armDim() {
        return tags.size();
    }

    /** The dimension of the cross features, and so of the linear model. */
    public int modelDim() {
        return contextDim * armDim();
    }

    /** A name for the layout, stored with the model sums: sums made under another layout are not reused. */
    public String layout() {
        return "v1:" + String.join(",", tags);
    }

    /** The variant's features: 1 for each vocabulary tag it carries; other tags are not learned from. */
    public SparseVector armFeatures(List<String> variantTags) {
        double[] z = new double[armDim()];
        for (String t : variantTags) {
            int i = tags.indexOf(t);
            if (i >= 0) {
                z[i] = 1;
            }
        }
        return SparseVector.ofDense(z);
    }

    /** The viewer's features; any argument may be null (unknown). */
    public SparseVector context(Taste taste, String device, LocalTime localTime, String locale) {
        double[] x = new double[contextDim];
        x[0] = 1;
        Taste t = taste == null ? Taste.NONE : taste;
        for (int i = 0; i < tags.size(); i++) {
            x[tagOffset + i] = t.tagShare(tags.get(i));
        }
        if (t.plays() > 0) {
            // TreeMap: the sum over a bucket must not depend on hash-map order, or features would differ by ulps.
            new TreeMap<>(t.genrePlays()).forEach((genre, plays) ->
                    x[genreOffset + bucket(genre, GENRE_BUCKETS)] += Math.min(1, plays / t.plays()));
        }
        if (device != null && DEVICES.contains(device)) {
            x[deviceOffset + DEVICES.indexOf(device)] = 1;
        }
        if (localTime != null) {
            x[daypartOffset + DAYPARTS.indexOf(daypart(localTime))] = 1;
        }
        if (locale != null && !locale.isBlank()) {
            x[localeOffset + bucket(language(locale), LOCALE_BUCKETS)] = 1;
        }
        return SparseVector.ofDense(x);
    }

    public static String daypart(LocalTime t) {
        int h = t.getHour();
        return h >= 5 && h < 12 ? "morning" : h >= 12 && h < 17 ? "afternoon" : h >= 17 && h < 22 ? "evening" : "night";
    }

    /** What a context feature is, for an explanation: kind and value ("tag", "faces"), ("device", "tv"). */
    public record Feature(String kind, String value) {
    }

    public Feature describeContext(int index) {
        if (index == 0) {
            return new Feature("everyone", "");
        }
        if (index < genreOffset) {
            return new Feature("tag", tags.get(index - tagOffset));
        }
        if (index < deviceOffset) {
            return new Feature("genre", "");
        }
        if (index < daypartOffset) {
            return new Feature("device", DEVICES.get(index - deviceOffset));
        }
        if (index < localeOffset) {
            return new Feature("daypart", DAYPARTS.get(index - daypartOffset));
        }
        return new Feature("language", "");
    }

    public String describeArm(int index) {
        return tags.get(index);
    }

    /** The context's feature names, for the propensity log: which features were on, and how much. */
    public Map<String, Double> named(SparseVector context) {
        Map<String, Double> named = new TreeMap<>();
        for (int i = 0; i < context.size(); i++) {
            int index = context.indices()[i];
            Feature f = describeContext(index);
            String name = f.value().isEmpty() ? f.kind() + (f.kind().equals("everyone") ? "" : ":" + bucketOf(index))
                    : f.kind() + ":" + f.value();
            named.put(name, context.values()[i]);
        }
        return named;
    }

    private int bucketOf(int index) {
        return index < deviceOffset ? index - genreOffset : index - localeOffset;
    }

    private static String language(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** A stable bucket (String.hashCode is specified by the language, so it is the same on every JVM). */
    static int bucket(String value, int buckets) {
        return Math.floorMod(value.hashCode(), buckets);
    }
}
