package io.serenade.bench.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG by hand (no plotting library in a command-line tool): linear or logarithmic
 * axes with ticks and labels, one polyline per series, a legend; several charts can share one picture side by side.
 */
public final class SvgPlot {

    /** A named curve; points with a coordinate a logarithmic axis cannot show (≤ 0) are left out. */
    public record Series(String name, double[] x, double[] y, String color, boolean dashed) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length");
            }
        }
    }

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String FONT = "font-family=\"sans-serif\"";

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    public SvgPlot(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
    }

    public SvgPlot add(Series s) {
        series.add(s);
        return this;
    }

    /** The charts side by side, each {@code width} × {@code height} pixels, as one SVG document. */
    public static String render(int width, int height, List<SvgPlot> plots) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                width * plots.size(), height, width * plots.size(), height));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < plots.size(); i++) {
            out.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">%n", i * width));
            plots.get(i).draw(out, width, height);
            out.append("</g>\n");
        }
        return out.append("</svg>\n").toString();
    }

    private void draw(StringBuilder out, int width, int height) {
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;
        Axis x = Axis.fit(series.stream().map(Series::x).toList(), logX);
        Axis y = Axis.fit(series.stream().map(Series::y).toList(), logY);
        out.append(text(width / 2.0, 20, "middle", 14, escape(title)));
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        for (double t : x.ticks()) {
            double px = LEFT + x.fraction(t) * plotWidth;
            out.append(line(px, TOP, px, TOP + plotHeight, "#e5e5e5"));
            out.append(line(px, TOP + plotHeight, px, TOP + plotHeight + 5, "#333"));
            out.append(text(px, TOP + plotHeight + 18, "middle", 11, x.label(t)));
        }
        for (double t : y.ticks()) {
            double py = TOP + (1 - y.fraction(t)) * plotHeight;
            out.append(line(LEFT, py, LEFT + plotWidth, py, "#e5e5e5"));
            out.append(line(LEFT - 5, py, LEFT, py, "#333"));
            out.append(text(LEFT - 8, py + 4, "end", 11, y.label(t)));
        }
        out.append(text(LEFT + plotWidth / 2, height - 12, "middle", 12, escape(xLabel)));
        out.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" %s transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotHeight / 2, FONT, TOP + plotHeight / 2, escape(yLabel)));
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (x.shows(s.x()[i]) && y.shows(s.y()[i])) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + x.fraction(s.x()[i]) * plotWidth,
                            TOP + (1 - y.fraction(s.y()[i])) * plotHeight));
                }
            }
            out.append(String.format(Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                    s.color(), dash(s), points.toString().strip()));
        }
        // The legend sits top left, where regret curves (rising to the right) leave room.
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double ly = TOP + 16 + i * 16;
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    LEFT + 10, ly - 4, LEFT + 34, ly - 4, s.color(), dash(s)));
            out.append(text(LEFT + 40, ly, "start", 11, escape(s.name())));
        }
    }

    private static String dash(Series s) {
        return s.dashed() ? " stroke-dasharray=\"6,4\"" : "";
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" %s>%s</text>%n",
                x, y, anchor, size, FONT, content);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An axis range; a logarithmic one spans whole powers of ten, a linear one whole tick steps. */
    record Axis(double low, double high, boolean log, double step) {

        static Axis fit(List<double[]> data, boolean log) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] values : data) {
                for (double v : values) {
                    if (Double.isFinite(v) && (!log || v > 0)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (min > max) {
                min = log ? 1 : 0;
                max = log ? 10 : 1;
            }
            if (log) {
                double low = Math.pow(10, Math.floor(Math.log10(min)));
                double high = Math.pow(10, Math.ceil(Math.log10(max)));
                return new Axis(low, high > low ? high : low * 10, true, 0);
            }
            double step = niceStep((max - min) / 5);
            double low = Math.floor(min / step) * step;
            double high = Math.ceil(max / step) * step;
            return new Axis(low, high > low ? high : low + step, false, step);
        }

        /** 1, 2 or 5 times a power of ten, the first at least {@code rough}. */
        private static double niceStep(double rough) {
            if (!(rough > 0)) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double m : new double[] {1, 2, 5}) {
                if (m * power >= rough) {
                    return m * power;
                }
            }
            return 10 * power;
        }

        boolean shows(double v) {
            return Double.isFinite(v) && (!log || v > 0);
        }

        double fraction(double v) {
            return log ? Math.log10(v / low) / Math.log10(high / low) : (v - low) / (high - low);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = low; t <= high * 1.000001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                long n = Math.round((high - low) / step);
                for (long i = 0; i <= n; i++) {
                    ticks.add(low + i * step);
                }
            }
            return ticks;
        }

        /** 1k, 10k and 1M rather than 1000, 10000 and 1000000: tick labels must stay short. */
        String label(double v) {
            double a = Math.abs(v);
            if (a >= 1e6) {
                return trim(v / 1e6) + "M";
            }
            if (a >= 1e3) {
                return trim(v / 1e3) + "k";
            }
            return trim(v);
        }

        private static String trim(double v) {
            String s = String.format(Locale.ROOT, "%.3f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }
}
