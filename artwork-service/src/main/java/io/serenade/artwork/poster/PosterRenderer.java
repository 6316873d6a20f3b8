package io.serenade.artwork.poster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a variant's poster as SVG: the title's name in a style derived from the variant's tags and dominant
 * colour. Placeholder art for variants without an image of their own, but distinct enough per variant that an
 * artwork experiment shows users visibly different images.
 */
public final class PosterRenderer {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 450;

    private static final Set<String> DARK = Set.of("ominous", "dark", "horror", "thriller", "noir", "mystery");
    private static final Set<String> BRIGHT = Set.of("bright", "comedy", "warm", "family", "sunny", "romance");
    private static final Set<String> FACES = Set.of("faces", "face", "portrait", "character");
    private static final Set<String> DYNAMIC = Set.of("action", "explosion", "dynamic", "speed");
    private static final String[] PALETTE = {"#1F4E79", "#7A1F3D", "#2E6B30", "#6B4E16", "#4B2C6B", "#12606B"};
    private static final int LINE_CHARS = 16;
    private static final int MAX_LINES = 4;

    /**
     * @param colour a {@code #RRGGBB} colour, or null to pick one from the artwork id
     */
    public String render(String artworkId, String titleName, List<String> tags, String colour) {
        Set<String> tagSet = Set.copyOf(tags);
        int base = parse(colour != null && colour.matches("#[0-9A-Fa-f]{6}") ? colour
                : PALETTE[Math.floorMod(artworkId.hashCode(), PALETTE.length)]);
        boolean dark = tagSet.stream().anyMatch(DARK::contains);
        boolean bright = !dark && tagSet.stream().anyMatch(BRIGHT::contains);
        int top = bright ? mix(base, 0xFFFFFF, 0.45) : base;
        int bottom = dark ? mix(base, 0x000000, 0.85) : bright ? base : mix(base, 0x000000, 0.5);
        int ink = luminance(mix(top, bottom, 0.5)) > 0.55 ? 0x1A1A1A : 0xFFFFFF;

        List<String> lines = wrap(clean(titleName));
        int fontSize = lines.size() <= 2 ? 34 : 28;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">")
                .append("<title>").append(escape(String.join(" ", lines))).append("</title>")
                .append("<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
                .append("<stop offset=\"0\" stop-color=\"").append(hex(top)).append("\"/>")
                .append("<stop offset=\"1\" stop-color=\"").append(hex(bottom)).append("\"/>")
                .append("</linearGradient></defs>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"url(#bg)\"/>");
        if (tagSet.stream().anyMatch(DYNAMIC::contains)) {
            for (int x = -HEIGHT; x < WIDTH; x += 60) {
                svg.append("<path d=\"M").append(x).append(" ").append(HEIGHT).append(" L").append(x + HEIGHT).append(" 0\" stroke=\"")
                        .append(hex(ink)).append("\" stroke-opacity=\"0.12\" stroke-width=\"14\"/>");
            }
        }
        if (tagSet.stream().anyMatch(FACES::contains)) {
            // A head-and-shoulders silhouette: "faces" variants are the ones an artwork test compares most often.
            svg.append("<g fill=\"").append(hex(ink)).append("\" fill-opacity=\"0.22\">")
                    .append("<circle cx=\"150\" cy=\"150\" r=\"62\"/>")
                    .append("<path d=\"M40 330 C40 245 100 220 150 220 C200 220 260 245 260 330 Z\"/></g>");
        }
        int y = HEIGHT - 40 - (lines.size() - 1) * (fontSize + 6);
        svg.append("<g fill=\"").append(hex(ink)).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-weight=\"700\" font-size=\"")
                .append(fontSize).append("\" text-anchor=\"middle\">");
        for (String line : lines) {
            svg.append("<text x=\"150\" y=\"").append(y).append("\">").append(escape(line)).append("</text>");
            y += fontSize + 6;
        }
        return svg.append("</g></svg>").toString();
    }

    /** Escapes the five XML specials; {@link #clean} has already removed what XML 1.0 cannot carry at all. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Drops code points XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF), which would make
     * the whole document unreadable, and folds white space: a name comes from another service's event.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if ((cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().trim().replaceAll(" +", " ");
    }

    /** Greedy word wrap into at most {@link #MAX_LINES} lines; an overlong word is cut, an overlong name ends in '…'. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.codePointCount(0, word.length()) > LINE_CHARS) {
                flush(lines, line);
                String head = head(word, LINE_CHARS);
                lines.add(head);
                word = word.substring(head.length());
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARS) {
                flush(lines, line);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(lines, line);
        if (lines.size() > MAX_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
            String last = kept.get(MAX_LINES - 1);
            kept.set(MAX_LINES - 1, head(last, LINE_CHARS - 1) + "…");
            return kept;
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /** The first {@code n} code points: cutting by char could split a surrogate pair, which XML cannot carry. */
    private static String head(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static int parse(String colour) {
        return Integer.parseInt(colour.substring(1), 16);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** Relative luminance (sRGB approximated as linear, enough to pick black or white text). */
    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255.0;
    }
}
