package io.serenade.bench.recs;

import io.serenade.ranking.recommend.model.ProgressListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wall time per stage of a {@code ModelBuilder.build}, read off its progress calls. The builder reports
 * gram (from 0.02), invert (before the Cholesky inversion, and again at 0.85 of its slice when it is done),
 * finish (EASE's float weights formed), content, evaluate and done. The segments are cut at the first call
 * of each stage, plus the last call of invert, which separates the inversion from forming the weights.
 */
public final class StageClock implements ProgressListener {

    /** Segment names, each from the milestone before it to its own. */
    public static final String[] SEGMENTS = {"prepare", "gram", "cholesky+inverse", "weights", "content", "evaluate"};

    private final LongSupplier nanos;
    private final long start;
    private final Map<String, Long> first = new LinkedHashMap<>();
    private final Map<String, Long> last = new LinkedHashMap<>();
    private long end = -1;

    StageClock(LongSupplier nanos) {
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    public static StageClock start() {
        return new StageClock(System::nanoTime);
    }

    @Override
    public void progress(String stage, double fraction) {
        long now = nanos.getAsLong();
        first.putIfAbsent(stage, now);
        last.put(stage, now);
    }

    /** Marks the end of the build (after it returned). */
    public void stop() {
        end = nanos.getAsLong();
    }

    /** Seconds per segment in {@link #SEGMENTS} order, then "total"; NaN where a milestone was never reported. */
    public Map<String, Double> seconds() {
        long[] marks = {start, mark(first, "gram"), mark(first, "invert"), mark(last, "invert"), mark(first, "content"),
                mark(first, "evaluate"), end >= 0 ? end : mark(first, "done")};
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < SEGMENTS.length; s++) {
            out.put(SEGMENTS[s], marks[s] < 0 || marks[s + 1] < 0 ? Double.NaN : (marks[s + 1] - marks[s]) / 1e9);
        }
        long stop = marks[marks.length - 1];
        out.put("total", stop < 0 ? Double.NaN : (stop - start) / 1e9);
        return out;
    }

    private static long mark(Map<String, Long> times, String stage) {
        Long t = times.get(stage);
        return t == null ? -1 : t;
    }
}
