package io.serenade.bench.eval;

import io.serenade.bench.eval.RatingsReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingsReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(RatingsReaderTest.class.getResource("/eval/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a fixture equals the generator's row, ids compared without the synthetic prefixes. */
    private static void assertSameRows(Ratings read, boolean prefixedIds, boolean halfStars) {
        Ratings expected = FixtureFiles.fixtureRatings();
        assertThat(read.size()).isEqualTo(expected.size()).isEqualTo(298);
        assertThat(read.users()).isEqualTo(expected.users());
        assertThat(read.items()).isEqualTo(expected.items());
        for (int row = 0; row < read.size(); row++) {
            String user = expected.userId(expected.user(row));
            String item = expected.itemId(expected.item(row));
            assertThat(read.userId(read.user(row))).isEqualTo(prefixedIds ? user : FixtureFiles.number(user));
            assertThat(read.itemId(read.item(row))).isEqualTo(prefixedIds ? item : FixtureFiles.number(item));
            double stars = expected.rating(row) - (halfStars && FixtureFiles.halfStar(row) ? 0.5 : 0);
            assertThat(read.rating(row)).isEqualTo(stars);
            assertThat(read.timestamp(row)).isEqualTo(expected.timestamp(row));
        }
    }

    @Test
    void readsMl100kWithGenresFromUItem() throws IOException {
        Ratings r = RatingsReader.read(Format.ML_100K, fixture("ml-100k/u.data"));
        assertSameRows(r, false, false);
        assertThat(r.hasGenres()).isTrue();
        int film5 = indexOf(r, "5");
        assertThat(r.genres(film5)).containsExactlyInAnyOrder("Action", "Comedy");  // item i5: genre-0 and genre-1
    }

    @Test
    void aDirectoryMeansItsDefaultFile() throws IOException {
        assertThat(RatingsReader.read(Format.ML_100K, fixture("ml-100k")).size()).isEqualTo(298);
        assertThat(RatingsReader.read(Format.ML_1M, fixture("ml-1m")).size()).isEqualTo(298);
        assertThat(RatingsReader.read(Format.ML_LATEST, fixture("ml-latest")).size()).isEqualTo(298);
    }

    @Test
    void readsMl1mWithGenresFromMoviesDat() throws IOException {
        Ratings r = RatingsReader.read(Format.ML_1M, fixture("ml-1m/ratings.dat"));
        assertSameRows(r, false, false);
        assertThat(r.genres(indexOf(r, "5"))).containsExactlyInAnyOrder("Action", "Comedy");
    }

    @Test
    void readsMlLatestWithHalfStarsAndQuotedTitles() throws IOException {
        Ratings r = RatingsReader.read(Format.ML_LATEST, fixture("ml-latest/ratings.csv"));
        assertSameRows(r, false, true);
        // Item 5's title is quoted and holds a comma and quotes: its genres must still be read from the third field.
        assertThat(r.genres(indexOf(r, "5"))).containsExactlyInAnyOrder("Action", "Comedy");
        assertThat(RatingsReader.csvFields(Path.of("x"), 1, "5,\"Film 5, The \"\"Quoted\"\" (1995)\",Action"))
                .containsExactly("5", "Film 5, The \"Quoted\" (1995)", "Action");
    }

    @Test
    void readsGenericCsvWithHeader() throws IOException {
        Ratings r = RatingsReader.read(Format.CSV, fixture("csv/ratings.csv"));
        assertSameRows(r, true, false);
        assertThat(r.hasGenres()).isFalse();
    }

    @Test
    void genericCsvWithoutHeaderAndWithoutRatingOrTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plays.csv");
        Files.write(file, List.of("alice,t-1", "alice,t-2,3.5", "bob,t-1,2,1700000000"));
        Ratings r = RatingsReader.read(Format.CSV, file);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.userId(r.user(0))).isEqualTo("alice");
        assertThat(r.rating(0)).isEqualTo(1.0);
        assertThat(r.rating(1)).isEqualTo(3.5);
        assertThat(r.timestamp(2)).isEqualTo(1_700_000_000L);
    }

    @Test
    void aMalformedLineNamesItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("u.data");
        Files.write(file, List.of("1\t2\t5\t880000000", "1\t3\t4\t880000001", "1\t4\tfive\t880000002"));
        assertThatThrownBy(() -> RatingsReader.read(Format.ML_100K, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ":3:")
                .hasMessageContaining("\"five\" is not a number");

        Path dat = dir.resolve("ratings.dat");
        Files.write(dat, List.of("1::2::5::880000000", "1::2::5"));
        assertThatThrownBy(() -> RatingsReader.read(Format.ML_1M, dat))
                .hasMessageContaining(dat + ":2:")
                .hasMessageContaining("expected 4 '::'-separated fields");

        Path latest = dir.resolve("ratings.csv");
        Files.write(latest, List.of("user,movie,rating,timestamp", "1,2,4.0,1"));
        assertThatThrownBy(() -> RatingsReader.read(Format.ML_LATEST, latest))
                .hasMessageContaining(latest + ":1:")
                .hasMessageContaining("header");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> RatingsReader.read(Format.ML_1M, dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("ratings.dat");
    }

    @Test
    void syntheticGenresAreTheClusters() {
        Ratings r = SyntheticRatings.generate(30, 60, 3, 1);
        assertThat(r.hasGenres()).isTrue();
        for (int i = 0; i < r.items(); i++) {
            int index = Integer.parseInt(r.itemId(i).substring(1)) - 1;
            assertThat(r.genres(i)).contains("genre-" + index % 3);
        }
        Ratings again = SyntheticRatings.generate(30, 60, 3, 1);
        Ratings other = SyntheticRatings.generate(30, 60, 3, 2);
        boolean differs = other.size() != r.size();
        for (int row = 0; row < r.size(); row++) {
            assertThat(again.itemId(again.item(row))).isEqualTo(r.itemId(r.item(row)));  // same seed, same data
            differs |= row < other.size() && !other.itemId(other.item(row)).equals(r.itemId(r.item(row)));
        }
        assertThat(differs).as("another seed gives other data").isTrue();
    }

    private static int indexOf(Ratings r, String itemId) {
        for (int i = 0; i < r.items(); i++) {
            if (r.itemId(i).equals(itemId)) {
                return i;
            }
        }
        throw new AssertionError("no item " + itemId);
    }
}
