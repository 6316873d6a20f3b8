package io.serenade.bench.loop;

import io.serenade.bench.bandit.Interval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the simulated viewers were shown and played, per window of consecutive pages: the realised play rate, how
 * often each segment saw its preferred art, and why the service said it chose. Windows are in pages, not seconds, so
 * a slow service shows the same number of windows, each spanning more of the service's reloads.
 */
final class LoopReport {

    /** One impression: who saw it, the tag of the art shown, the service's why code, and whether it was played. */
    record Shown(Segment segment, String tag, String why, boolean played) {
    }

    /** The statistics of one window of pages. */
    static final class Window {
        private final int firstPage;
        private int lastPage;
        private long impressions;
        private long plays;
        private final Map<Segment, long[]> preferred = new EnumMap<>(Segment.class);
        private final Map<String, Long> whys = new TreeMap<>();

        Window(int firstPage) {
            this.firstPage = firstPage;
            this.lastPage = firstPage;
            for (Segment s : Segment.values()) {
                preferred.put(s, new long[2]);
            }
        }

        void add(Shown shown) {
            impressions++;
            plays += shown.played() ? 1 : 0;
            long[] seg = preferred.get(shown.segment());
            seg[0]++;
            seg[1] += shown.segment().preferredTag().equals(shown.tag()) ? 1 : 0;
            whys.merge(shown.why(), 1L, Long::sum);
        }

        int firstPage() {
            return firstPage;
        }

        int lastPage() {
            return lastPage;
        }

        long impressions() {
            return impressions;
        }

        long plays() {
            return plays;
        }

        double playRate() {
            return impressions == 0 ? Double.NaN : (double) plays / impressions;
        }

        /** The share of the segment's impressions in this window that showed the segment's preferred tag. */
        double preferredShare(Segment segment) {
            long[] seg = preferred.get(segment);
            return seg[0] == 0 ? Double.NaN : (double) seg[1] / seg[0];
        }

        /** The same over all segments: with these tastes, the expected play rate is 3% + 9% × this share. */
        double preferredShare() {
            long shown = 0;
            for (long[] seg : preferred.values()) {
                shown += seg[1];
            }
            return impressions == 0 ? Double.NaN : (double) shown / impressions;
        }

        long why(String code) {
            return whys.getOrDefault(code, 0L);
        }
    }

    private final int pagesPerWindow;
    private final List<Window> windows = new ArrayList<>();
    private int pages;

    LoopReport(int pagesPerWindow) {
        if (pagesPerWindow < 1) {
            throw new IllegalArgumentException("a window needs at least one page");
        }
        this.pagesPerWindow = pagesPerWindow;
    }

    /** Adds one page's impressions (an empty page still counts as a page). */
    void page(List<Shown> shown) {
        if (pages % pagesPerWindow == 0) {
            windows.add(new Window(pages + 1));
        }
        pages++;
        Window w = windows.get(windows.size() - 1);
        w.lastPage = pages;
        shown.forEach(w::add);
    }

    int pages() {
        return pages;
    }

    List<Window> windows() {
        return windows;
    }

    /** Choosing uniformly among the four variants. */
    static double uniformRate() {
        return (Segment.PREFERRED_RATE + (LoopCatalog.TAGS.size() - 1) * Segment.OTHER_RATE) / LoopCatalog.TAGS.size();
    }

    /** The same tag for everyone, whichever: one segment in three gets its preferred art (segments are equally likely). */
    static double bestSingleTagRate() {
        int segments = Segment.values().length;
        return (Segment.PREFERRED_RATE + (segments - 1) * Segment.OTHER_RATE) / segments;
    }

    /** Every segment always shown its preferred tag. */
    static double oracleRate() {
        return Segment.PREFERRED_RATE;
    }

    String markdown() {
        TreeSet<String> codes = new TreeSet<>();
        windows.forEach(w -> codes.addAll(w.whys.keySet()));
        StringBuilder md = new StringBuilder("| pages | impressions | plays | play rate | preferred art shown: all");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:");
        for (Segment s : Segment.values()) {
            md.append(" | ").append(s.name()).append(" (").append(s.preferredTag()).append(')');
            rule.append("|---:");
        }
        for (String code : codes) {
            md.append(" | why: ").append(code);
            rule.append("|---:");
        }
        md.append(" |\n").append(rule).append("|\n");
        for (Window w : windows) {
            md.append(String.format(Locale.ROOT, "| %,d–%,d | %,d | %,d | %s | %s", w.firstPage(), w.lastPage(),
                    w.impressions(), w.plays(), percent(w.playRate()), percent(w.preferredShare())));
            for (Segment s : Segment.values()) {
                md.append(" | ").append(percent(w.preferredShare(s)));
            }
            for (String code : codes) {
                md.append(String.format(Locale.ROOT, " | %,d", w.why(code)));
            }
            md.append(" |\n");
        }
        md.append('\n');
        if (!windows.isEmpty() && windows.get(0).impressions() > 0) {
            Window first = windows.get(0);
            Window last = windows.get(windows.size() - 1);
            md.append(String.format(Locale.ROOT, "Play rate, first window (pages %,d–%,d): %s; last window (pages %,d–%,d): "
                            + "%s (Wilson 95%% intervals). ", first.firstPage(), first.lastPage(), rate(first),
                    last.firstPage(), last.lastPage(), rate(last)));
        }
        md.append(String.format(Locale.ROOT, "Reference rates: %s uniform choice, %s the best single tag for everyone, "
                + "%s the per-segment oracle.%n", percent(uniformRate()), percent(bestSingleTagRate()), percent(oracleRate())));
        return md.toString();
    }

    private static String rate(Window w) {
        return w.impressions() == 0 ? "n/a" : Interval.wilson(w.plays(), w.impressions()).percent();
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
