package io.serenade.bench.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the MovieLens rating files and a generic CSV into {@link Ratings}, with the genres beside them when the
 * data set ships them. A malformed line fails the whole read with its file and line number.
 */
public final class RatingsReader {

    /** The MovieLens ml-100k genre columns of u.item, used when u.genre is not beside u.data. */
    private static final List<String> ML_100K_GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
            "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** Supported inputs and the file each reads when given a directory. */
    public enum Format {
        ML_100K("ml-100k", "u.data"),
        ML_1M("ml-1m", "ratings.dat"),
        ML_LATEST("ml-latest", "ratings.csv"),
        CSV("csv", null);

        private final String cliName;
        private final String defaultFile;

        Format(String cliName, String defaultFile) {
            this.cliName = cliName;
            this.defaultFile = defaultFile;
        }

        public String cliName() {
            return cliName;
        }

        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.cliName.equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format " + name + " (ml-100k, ml-1m, ml-latest, csv)");
        }
    }

    private RatingsReader() {
    }

    public static Ratings read(Format format, Path input) throws IOException {
        Path file = input;
        if (Files.isDirectory(input)) {
            if (format.defaultFile == null) {
                throw new IllegalArgumentException(input + " is a directory: --format csv needs the file itself");
            }
            file = input.resolve(format.defaultFile);
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no " + format.cliName + " ratings file");
        }
        return switch (format) {
            case ML_100K -> ml100k(file);
            case ML_1M -> ml1m(file);
            case ML_LATEST -> mlLatest(file);
            case CSV -> csv(file);
        };
    }

    /** u.data: {@code user TAB item TAB rating TAB timestamp}; genres from u.item (and u.genre) beside it. */
    static Ratings ml100k(Path file) throws IOException {
        Ratings.Builder b = Ratings.builder("ml-100k " + file);
        forEachLine(file, StandardCharsets.US_ASCII, (line, no) -> {
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw malformed(file, no, "expected 4 tab-separated fields (user item rating timestamp), found " + f.length, line);
            }
            b.add(id(file, no, f[0], line), id(file, no, f[1], line), number(file, no, f[2], line),
                    timestamp(file, no, f[3], line));
        });
        Path items = file.resolveSibling("u.item");
        if (!Files.isRegularFile(items)) {
            return b.build();
        }
        List<String> names = ML_100K_GENRES;
        Path genreFile = file.resolveSibling("u.genre");
        if (Files.isRegularFile(genreFile)) {
            String[] byIndex = new String[64];
            forEachLine(genreFile, StandardCharsets.ISO_8859_1, (line, no) -> {
                String[] f = line.split("\\|", -1);
                if (f.length != 2) {
                    throw malformed(genreFile, no, "expected name|index", line);
                }
                int index = (int) number(genreFile, no, f[1], line);
                if (index < 0 || index >= byIndex.length) {
                    throw malformed(genreFile, no, "genre index out of range", line);
                }
                byIndex[index] = f[0];
            });
            List<String> read = new ArrayList<>();
            for (String name : byIndex) {
                if (name != null) {
                    read.add(name);
                }
            }
            names = read;
        }
        List<String> genreNames = names;
        Map<String, Set<String>> genres = new HashMap<>();
        // u.item is Latin-1: titles such as "Misérables" are not UTF-8 there.
        forEachLine(items, StandardCharsets.ISO_8859_1, (line, no) -> {
            String[] f = line.split("\\|", -1);
            if (f.length != 5 + genreNames.size()) {
                throw malformed(items, no, "expected " + (5 + genreNames.size())
                        + " |-separated fields (id title release video-release url and one flag per genre), found " + f.length, line);
            }
            Set<String> set = new LinkedHashSet<>();
            for (int g = 0; g < genreNames.size(); g++) {
                if (f[5 + g].equals("1")) {
                    set.add(genreNames.get(g));
                } else if (!f[5 + g].equals("0")) {
                    throw malformed(items, no, "genre flag must be 0 or 1, found \"" + f[5 + g] + "\"", line);
                }
            }
            genres.put(f[0], set);
        });
        return b.build(genres);
    }

    /** ratings.dat: {@code user::item::rating::timestamp}; genres from movies.dat ({@code id::title::A|B}). */
    static Ratings ml1m(Path file) throws IOException {
        Ratings.Builder b = Ratings.builder("ml-1m " + file);
        forEachLine(file, StandardCharsets.US_ASCII, (line, no) -> {
            String[] f = line.split("::", -1);
            if (f.length != 4) {
                throw malformed(file, no, "expected 4 '::'-separated fields (user::item::rating::timestamp), found " + f.length, line);
            }
            b.add(id(file, no, f[0], line), id(file, no, f[1], line), number(file, no, f[2], line),
                    timestamp(file, no, f[3], line));
        });
        Path movies = file.resolveSibling("movies.dat");
        if (!Files.isRegularFile(movies)) {
            return b.build();
        }
        Map<String, Set<String>> genres = new HashMap<>();
        forEachLine(movies, StandardCharsets.ISO_8859_1, (line, no) -> {
            String[] f = line.split("::", -1);
            if (f.length != 3) {
                throw malformed(movies, no, "expected 3 '::'-separated fields (id::title::genres), found " + f.length, line);
            }
            genres.put(f[0], splitGenres(f[2]));
        });
        return b.build(genres);
    }

    /** ratings.csv with its header {@code userId,movieId,rating,timestamp}; genres from movies.csv. */
    static Ratings mlLatest(Path file) throws IOException {
        Ratings.Builder b = Ratings.builder("ml-latest " + file);
        boolean[] header = {true};
        forEachLine(file, StandardCharsets.UTF_8, (line, no) -> {
            List<String> f = csvFields(file, no, line);
            if (header[0]) {
                header[0] = false;
                if (!f.equals(List.of("userId", "movieId", "rating", "timestamp"))) {
                    throw malformed(file, no, "expected the header userId,movieId,rating,timestamp", line);
                }
                return;
            }
            if (f.size() != 4) {
                throw malformed(file, no, "expected 4 comma-separated fields (userId,movieId,rating,timestamp), found " + f.size(), line);
            }
            b.add(id(file, no, f.get(0), line), id(file, no, f.get(1), line), number(file, no, f.get(2), line),
                    timestamp(file, no, f.get(3), line));
        });
        Path movies = file.resolveSibling("movies.csv");
        if (!Files.isRegularFile(movies)) {
            return b.build();
        }
        Map<String, Set<String>> genres = new HashMap<>();
        boolean[] moviesHeader = {true};
        forEachLine(movies, StandardCharsets.UTF_8, (line, no) -> {
            List<String> f = csvFields(movies, no, line);
            if (moviesHeader[0]) {
                moviesHeader[0] = false;
                return;
            }
            if (f.size() != 3) {
                throw malformed(movies, no, "expected 3 fields (movieId,title,genres), found " + f.size(), line);
            }
            genres.put(f.get(0), f.get(2).equals("(no genres listed)") ? Set.of() : splitGenres(f.get(2)));
        });
        return b.build(genres);
    }

    /**
     * Generic CSV: {@code user,item[,rating[,timestamp]]}, rating 1 and timestamp 0 when absent. The first line
     * is a header when its third field is not a number or its first field is user, userId or user_id.
     */
    static Ratings csv(Path file) throws IOException {
        Ratings.Builder b = Ratings.builder("csv " + file);
        boolean[] first = {true};
        forEachLine(file, StandardCharsets.UTF_8, (line, no) -> {
            List<String> f = csvFields(file, no, line);
            if (first[0]) {
                first[0] = false;
                String head = f.get(0).strip().toLowerCase(Locale.ROOT);
                boolean textRating = f.size() >= 3 && !isNumber(f.get(2));
                if (textRating || head.equals("user") || head.equals("userid") || head.equals("user_id")) {
                    return;
                }
            }
            if (f.size() < 2 || f.size() > 4) {
                throw malformed(file, no, "expected 2 to 4 comma-separated fields (user,item[,rating[,timestamp]]), found " + f.size(), line);
            }
            double value = f.size() >= 3 ? number(file, no, f.get(2), line) : 1.0;
            long at = f.size() == 4 ? timestamp(file, no, f.get(3), line) : 0L;
            b.add(id(file, no, f.get(0), line), id(file, no, f.get(1), line), value, at);
        });
        return b.build();
    }

    private static Set<String> splitGenres(String field) {
        Set<String> set = new LinkedHashSet<>();
        for (String g : field.split("\\|")) {
            if (!g.isBlank()) {
                set.add(g.strip());
            }
        }
        return set;
    }

    @FunctionalInterface
    private interface LineHandler {
        void line(String line, int number);
    }

    private static void forEachLine(Path file, Charset charset, LineHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    handler.line(line, no);
                }
            }
        }
    }

    /** Splits one CSV line, honouring double-quoted fields ("" is a quote inside one), as in movies.csv titles. */
    static List<String> csvFields(Path file, int no, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw malformed(file, no, "unterminated quoted field", line);
        }
        fields.add(field.toString());
        return fields;
    }

    private static String id(Path file, int no, String raw, String line) {
        String id = raw.strip();
        if (id.isEmpty()) {
            throw malformed(file, no, "empty id", line);
        }
        return id;
    }

    private static double number(Path file, int no, String raw, String line) {
        try {
            double v = Double.parseDouble(raw.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw malformed(file, no, "\"" + raw + "\" is not a number", line);
        }
    }

    private static long timestamp(Path file, int no, String raw, String line) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw malformed(file, no, "timestamp \"" + raw + "\" is not whole epoch seconds", line);
        }
    }

    private static boolean isNumber(String raw) {
        try {
            Double.parseDouble(raw.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static IllegalArgumentException malformed(Path file, int no, String reason, String line) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
        return new IllegalArgumentException(file + ":" + no + ": " + reason + ": \"" + shown + "\"");
    }
}
