package io.serenade.bench.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loop's titles and their artwork, one variant per tag. The ids depend only on the number of titles, so every run
 * puts the same variants again (idempotent) and the service keeps what it learned about them across runs.
 */
final class LoopCatalog {

    static final List<String> TAGS = List.of("faces", "ominous", "romantic", "minimal");
    static final String TITLE_PREFIX = "loop-t-";

    /** One artwork variant of a loop title. */
    record Variant(String titleId, String artworkId, String tag) {
    }

    private final List<String> titleIds;
    private final List<Variant> variants;
    private final Map<String, String> tagByArtwork = new HashMap<>();

    LoopCatalog(int titles) {
        if (titles < 1) {
            throw new IllegalArgumentException("need at least one title");
        }
        List<String> ids = new ArrayList<>(titles);
        List<Variant> all = new ArrayList<>(titles * TAGS.size());
        for (int i = 1; i <= titles; i++) {
            String titleId = TITLE_PREFIX + i;
            ids.add(titleId);
            for (String tag : TAGS) {
                Variant v = new Variant(titleId, "loop-a-" + i + "-" + tag, tag);
                all.add(v);
                tagByArtwork.put(v.artworkId(), tag);
            }
        }
        this.titleIds = List.copyOf(ids);
        this.variants = List.copyOf(all);
    }

    List<String> titleIds() {
        return titleIds;
    }

    List<Variant> variants() {
        return variants;
    }

    /** The tag of one of the loop's variants; null for any other artwork (the service must only choose among ours). */
    String tagOf(String artworkId) {
        return tagByArtwork.get(artworkId);
    }

    /**
     * The rows of an exported propensity log that are about loop titles, renumbered, under the same header: the log
     * also holds whatever other traffic the suite served in the same span.
     */
    static String ownRows(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the propensity log is empty, not even a header");
        }
        int title = Arrays.asList(lines.get(0).split(",", -1)).indexOf("title_id");
        if (title < 0) {
            throw new IllegalArgumentException("the propensity log has no title_id column: " + lines.get(0));
        }
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > title && fields[title].startsWith(TITLE_PREFIX)) {
                fields[0] = String.valueOf(n++);
                out.append(String.join(",", fields)).append('\n');
            }
        }
        return out.toString();
    }
}
