package io.serenade.bench.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes synthetic ratings in each supported file format. The fixtures under src/test/resources/eval were made by
 * {@link #main} (MovieLens itself cannot be fetched here); the reader tests read them back against the generator.
 */
final class FixtureFiles {

    /** The generator call behind the committed fixtures. */
    static Ratings fixtureRatings() {
        return SyntheticRatings.generate(16, 40, 4, 3);
    }

    /** Rows whose ml-latest rating is written half a star lower, so the fixture has half stars as the real file does. */
    static boolean halfStar(int row) {
        return row % 7 == 3;
    }

    private FixtureFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "bench/src/test/resources/eval");
        Ratings r = fixtureRatings();
        writeMl100k(r, root.resolve("ml-100k"));
        writeMl1m(r, root.resolve("ml-1m"));
        writeMlLatest(r, root.resolve("ml-latest"));
        writeCsv(r, root.resolve("csv").resolve("ratings.csv"));
    }

    /** MovieLens ids are numbers: synthetic "u7" / "i12" become 7 / 12. */
    static String number(String id) {
        return id.substring(1);
    }

    /** Synthetic genre-c maps onto a real MovieLens genre name. */
    static String genreName(String synthetic) {
        int c = Integer.parseInt(synthetic.substring("genre-".length()));
        return List.of("Action", "Comedy", "Drama", "Thriller", "Romance", "Sci-Fi").get(c);
    }

    private static int itemIndexOfId(Ratings r, String id) {
        for (int i = 0; i < r.items(); i++) {
            if (r.itemId(i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> genresOfId(Ratings r, String id) {
        int i = itemIndexOfId(r, id);
        return i < 0 ? Set.of() : r.genres(i);
    }

    /** Every item of the catalog, rated or not, as the movie files list them. */
    private static List<String> catalogIds(int items) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            ids.add("i" + i);
        }
        return ids;
    }

    static void writeMl100k(Ratings r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> data = new ArrayList<>();
        for (int row = 0; row < r.size(); row++) {
            data.add(number(r.userId(r.user(row))) + "\t" + number(r.itemId(r.item(row))) + "\t"
                    + (int) r.rating(row) + "\t" + r.timestamp(row));
        }
        Files.write(dir.resolve("u.data"), data, StandardCharsets.US_ASCII);
        List<String> genres = List.of("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
                "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
                "Thriller", "War", "Western");
        List<String> genreLines = new ArrayList<>();
        for (int g = 0; g < genres.size(); g++) {
            genreLines.add(genres.get(g) + "|" + g);
        }
        Files.write(dir.resolve("u.genre"), genreLines, StandardCharsets.ISO_8859_1);
        List<String> items = new ArrayList<>();
        for (String id : catalogIds(40)) {
            Set<String> names = genresOfId(r, id).stream().map(FixtureFiles::genreName).collect(java.util.stream.Collectors.toSet());
            StringBuilder line = new StringBuilder(number(id) + "|Film " + number(id) + " (1995)|01-Jan-1995||http://example.invalid/" + number(id));
            for (String g : genres) {
                line.append('|').append(names.contains(g) ? '1' : '0');
            }
            items.add(line.toString());
        }
        Files.write(dir.resolve("u.item"), items, StandardCharsets.ISO_8859_1);
    }

    static void writeMl1m(Ratings r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> data = new ArrayList<>();
        for (int row = 0; row < r.size(); row++) {
            data.add(number(r.userId(r.user(row))) + "::" + number(r.itemId(r.item(row))) + "::"
                    + (int) r.rating(row) + "::" + r.timestamp(row));
        }
        Files.write(dir.resolve("ratings.dat"), data, StandardCharsets.US_ASCII);
        List<String> movies = new ArrayList<>();
        for (String id : catalogIds(40)) {
            List<String> names = genresOfId(r, id).stream().map(FixtureFiles::genreName).sorted().toList();
            movies.add(number(id) + "::Film " + number(id) + " (1995)::" + String.join("|", names));
        }
        Files.write(dir.resolve("movies.dat"), movies, StandardCharsets.ISO_8859_1);
    }

    static void writeMlLatest(Ratings r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> data = new ArrayList<>();
        data.add("userId,movieId,rating,timestamp");
        for (int row = 0; row < r.size(); row++) {
            double stars = r.rating(row) - (halfStar(row) ? 0.5 : 0);
            data.add(number(r.userId(r.user(row))) + "," + number(r.itemId(r.item(row))) + ","
                    + String.format(Locale.ROOT, "%.1f", stars) + "," + r.timestamp(row));
        }
        Files.write(dir.resolve("ratings.csv"), data, StandardCharsets.UTF_8);
        List<String> movies = new ArrayList<>();
        movies.add("movieId,title,genres");
        for (String id : catalogIds(40)) {
            List<String> names = genresOfId(r, id).stream().map(FixtureFiles::genreName).sorted().toList();
            // Real titles carry commas and quotes inside quoted fields; the fixture does too.
            String title = Integer.parseInt(number(id)) % 5 == 0
                    ? "\"Film " + number(id) + ", The \"\"Quoted\"\" (1995)\""
                    : "Film " + number(id) + " (1995)";
            movies.add(number(id) + "," + title + "," + (names.isEmpty() ? "(no genres listed)" : String.join("|", names)));
        }
        Files.write(dir.resolve("movies.csv"), movies, StandardCharsets.UTF_8);
    }

    static void writeCsv(Ratings r, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> data = new ArrayList<>();
        data.add("user,item,rating,timestamp");
        for (int row = 0; row < r.size(); row++) {
            data.add(r.userId(r.user(row)) + "," + r.itemId(r.item(row)) + "," + (int) r.rating(row) + "," + r.timestamp(row));
        }
        Files.write(file, data, StandardCharsets.UTF_8);
    }
}
