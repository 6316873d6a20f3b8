package io.serenade.ranking.search;

import io.serenade.ranking.recommend.CatalogTitle;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An immutable in-memory full-text index of the catalog: finds titles by name and tags with synonyms, stemming,
 * prefixes and typo tolerance, and says for every hit what matched. Thread-safe; built off the request path and
 * swapped in whole when the catalog changes.
 *
 * <p>The query is built programmatically from analyzed user text, never parsed, so no input is a syntax error.
 * For each field it is the sum of: an exact clause (stemmed, with synonyms, BM25), and per query word a prefix
 * clause and a fuzzy clause on the unstemmed field, both weighted well below exact. A document that matches a word
 * exactly also matches its prefix and fuzzy clauses, so exact always beats a typo correction of the same word.
 */
public final class CatalogSearchIndex implements Closeable {

    /** A title that matched, its Lucene relevance (higher is better, unbounded) and what matched, in words. */
    public record Hit(String titleId, double relevance, List<String> matched) {
        public Hit {
            matched = List.copyOf(matched);
        }
    }

    /** The searchable fields: the name counts twice as much as a genre, moods least (they are vague). */
    private enum SearchField {
        NAME("name", "title", 2.0f, t -> t.name() == null ? List.of() : List.of(t.name())),
        GENRE("genre", "genre", 1.0f, CatalogTitle::genres),
        THEME("theme", "theme", 0.8f, CatalogTitle::themes),
        MOOD("mood", "mood", 0.6f, CatalogTitle::moods);

        final String exact;
        final String raw;
        final String label;
        final float boost;
        final Function<CatalogTitle, List<String>> values;

        SearchField(String name, String label, float boost, Function<CatalogTitle, List<String>> values) {
            this.exact = name;
            this.raw = name + SearchAnalyzers.RAW_SUFFIX;
            this.label = label;
            this.boost = boost;
            this.values = values;
        }

        List<String> valuesOf(CatalogTitle t) {
            List<String> v = values.apply(t);
            return v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).toList();
        }
    }

    private enum Kind { EXACT, PREFIX, FUZZY }

    private static final String ORDINAL = "ord";
    private static final float PREFIX_WEIGHT = 0.3f;
    private static final float FUZZY_WEIGHT = 0.3f;
    /** Searches are a few words; the caps keep a pasted paragraph from expanding into thousands of clauses. */
    private static final int MAX_QUERY_TOKENS = 16;
    private static final int MAX_TYPO_TOKENS = 8;
    private static final int MIN_PREFIX_LENGTH = 3;
    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int MAX_TYPO_LENGTH = 24;
    private static final int FUZZY_PREFIX_LENGTH = 1;
    private static final int FUZZY_MAX_EXPANSIONS = 10;
    private static final int MAX_MATCHED_LINES = 6;
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** Positions and offsets: offsets let a match be shown as the words of the title that matched. */
    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private final SearchAnalyzers analyzers;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Titles by the ordinal stored in each document: explanations read names and tags from here. */
    private final List<CatalogTitle> titles;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CatalogSearchIndex(SearchAnalyzers analyzers, ByteBuffersDirectory directory, DirectoryReader reader,
                               List<CatalogTitle> titles) {
        this.analyzers = analyzers;
        this.reader = reader;
        this.titles = titles;
        this.searcher = new IndexSearcher(reader);
        // The shared default cache would hold entries of every rebuilt index until eviction; queries here are cheap.
        this.searcher.setQueryCache(null);
        // The last reference (close() or the last in-flight search) frees what searches use.
        reader.getReaderCacheHelper().addClosedListener(key -> {
            analyzers.close();
            directory.close();
        });
    }

    /** Indexes the titles; a title id given twice keeps its last version, as the catalog snapshot does. */
    public static CatalogSearchIndex build(Collection<CatalogTitle> titles) {
        Map<String, CatalogTitle> unique = new LinkedHashMap<>();
        for (CatalogTitle t : titles) {
            unique.put(t.titleId(), t);
        }
        List<CatalogTitle> ordered = List.copyOf(unique.values());
        SearchAnalyzers analyzers = SearchAnalyzers.withBundledSynonyms();
        // One buffer per file: every postings and terms enum clones its input, and cloning a file kept as many
        // small buffers copies the buffer list each time (the bulk of search time in profiles).
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzers.indexing)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64)
                    .setUseCompoundFile(false)
                    .setCommitOnClose(true);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < ordered.size(); i++) {
                    writer.addDocument(document(i, ordered.get(i)));
                }
            }
            return new CatalogSearchIndex(analyzers, directory, DirectoryReader.open(directory), ordered);
        } catch (IOException e) {
            analyzers.close();
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(int ordinal, CatalogTitle t) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        for (SearchField f : SearchField.values()) {
            for (String value : f.valuesOf(t)) {
                doc.add(new Field(f.exact, value, TEXT));
                doc.add(new Field(f.raw, value, TEXT));
            }
        }
        return doc;
    }

    public int size() {
        return titles.size();
    }

    /**
     * The best {@code limit} titles for the user's text, most relevant first (ties by title id). Any string is
     * accepted; one without a searchable word (blank, punctuation only) finds nothing.
     *
     * @throws IllegalStateException when the index was closed before the search started
     */
    public List<Hit> search(String query, int limit) {
        if (query == null || limit <= 0) {
            return List.of();
        }
        if (!reader.tryIncRef()) {
            throw new IllegalStateException("the catalog search index is closed");
        }
        try {
            return doSearch(query, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decRef();
        }
    }

    private List<Hit> doSearch(String text, int limit) throws IOException {
        List<SearchAnalyzers.Token> words = SearchAnalyzers.tokens(analyzers.raw, text);
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() > MAX_QUERY_TOKENS) {
            words = words.subList(0, MAX_QUERY_TOKENS);
            text = text.substring(0, words.get(words.size() - 1).end());
        }
        List<Clause> clauses = clauses(text, words);
        if (clauses.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (Clause c : clauses) {
            top.add(new BoostQuery(c.query, c.boost()), BooleanClause.Occur.SHOULD);
        }
        ScoreDoc[] docs = searcher.search(top.build(), limit).scoreDocs;

        Explainer explainer = new Explainer(text, words, clauses);
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(sd.doc, reader.leaves()));
            int doc = sd.doc - leaf.docBase;
            CatalogTitle title = titles.get(ordinal(leaf, doc));
            hits.add(new Hit(title.titleId(), sd.score, explainer.explain(leaf, doc, title)));
        }
        hits.sort(Comparator.comparingDouble(Hit::relevance).reversed().thenComparing(Hit::titleId));
        return hits;
    }

    private static int ordinal(LeafReaderContext leaf, int doc) throws IOException {
        NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
        if (ordinals == null || !ordinals.advanceExact(doc)) {
            throw new IllegalStateException("document without ordinal");
        }
        return (int) ordinals.longValue();
    }

    /** One scoring clause, rewritten; {@code word} is the typed word of a prefix or fuzzy clause (null for exact). */
    private record Clause(Kind kind, SearchField field, SearchAnalyzers.Token word, Query query) {
        float boost() {
            return field.boost * switch (kind) {
                case EXACT -> 1f;
                case PREFIX -> PREFIX_WEIGHT;
                case FUZZY -> FUZZY_WEIGHT;
            };
        }
    }

    /** Clause queries come back rewritten (fuzzy terms expanded once), ready for both scoring and explaining. */
    private List<Clause> clauses(String text, List<SearchAnalyzers.Token> words) throws IOException {
        List<Clause> clauses = new ArrayList<>();
        QueryBuilder builder = new QueryBuilder(analyzers.query);
        // Without phrases a multi-word synonym matches its words anywhere in one field: "romance comedy" then
        // finds a title tagged romance and comedy. The position gap between tags still keeps real phrases apart.
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(false);
        for (SearchField f : SearchField.values()) {
            Query exact = builder.createBooleanQuery(f.exact, text, BooleanClause.Occur.SHOULD);
            if (exact != null) {
                clauses.add(new Clause(Kind.EXACT, f, null, searcher.rewrite(exact)));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (SearchAnalyzers.Token w : words) {
            int length = w.term().codePointCount(0, w.term().length());
            if (seen.size() == MAX_TYPO_TOKENS) {
                break;
            }
            if (length < MIN_PREFIX_LENGTH || length > MAX_TYPO_LENGTH || STOP_WORDS.contains(w.term())
                    || !seen.add(w.term())) {
                continue;
            }
            for (SearchField f : SearchField.values()) {
                Term term = new Term(f.raw, w.term());
                clauses.add(new Clause(Kind.PREFIX, f, w, searcher.rewrite(new PrefixQuery(term))));
                if (length >= MIN_FUZZY_LENGTH) {
                    int maxEdits = length >= 8 ? 2 : 1;
                    clauses.add(new Clause(Kind.FUZZY, f, w, searcher.rewrite(
                            new FuzzyQuery(term, maxEdits, FUZZY_PREFIX_LENGTH, FUZZY_MAX_EXPANSIONS, true))));
                }
            }
        }
        return clauses;
    }

    /**
     * Says what matched in a hit by asking each clause of the query, through Lucene's Matches API, where it
     * matched in that document: the explanation is what actually scored, not a re-guess. Exact matches are
     * reported first; a query word that matched nowhere exactly is reported as a completed prefix, else as a
     * typo correction.
     */
    private final class Explainer {

        private final String text;
        private final List<SearchAnalyzers.Token> words;
        private final List<Clause> clauses;
        /** Created on first use: typo clauses are consulted only for words that matched nowhere exactly. */
        private final Weight[] weights;
        /** Where each stemmed query term was typed, and the typed text each synonym term stands for. */
        private final Map<String, SearchAnalyzers.Token> synonymSources = new HashMap<>();
        private final Map<String, SearchAnalyzers.Token> typedSources = new HashMap<>();

        Explainer(String text, List<SearchAnalyzers.Token> words, List<Clause> clauses) throws IOException {
            this.text = text;
            this.words = words;
            this.clauses = clauses;
            this.weights = new Weight[clauses.size()];
            for (SearchAnalyzers.Token t : SearchAnalyzers.tokens(analyzers.query, text)) {
                if (t.synonym()) {
                    synonymSources.putIfAbsent(t.term(), t);
                } else {
                    typedSources.putIfAbsent(t.term(), t);
                }
            }
        }

        private Weight weight(int clause) throws IOException {
            if (weights[clause] == null) {
                weights[clause] = searcher.createWeight(clauses.get(clause).query, ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            return weights[clause];
        }

        List<String> explain(LeafReaderContext leaf, int doc, CatalogTitle title) throws IOException {
            Set<String> lines = new LinkedHashSet<>();
            // "title: 'The'" explains nothing a user cares about; it is said only when nothing else matched.
            Set<String> stopWordLines = new LinkedHashSet<>();
            List<int[]> covered = new ArrayList<>();
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                if (c.kind() == Kind.EXACT) {
                    for (Span span : spans(weight(i), leaf, doc, c.field(), c.field().exact, title)) {
                        String line = exactLine(c.field(), span, covered);
                        (onlyStopWords(span.matched) ? stopWordLines : lines).add(line);
                    }
                }
            }
            for (SearchAnalyzers.Token word : words) {
                if (isCovered(word, covered)) {
                    continue;
                }
                for (Kind kind : List.of(Kind.PREFIX, Kind.FUZZY)) {
                    List<String> found = typoLines(leaf, doc, title, word, kind);
                    if (!found.isEmpty()) {
                        lines.addAll(found);
                        break;
                    }
                }
            }
            if (lines.isEmpty()) {
                lines.addAll(stopWordLines);
            }
            return lines.stream().limit(MAX_MATCHED_LINES).toList();
        }

        private boolean onlyStopWords(String matched) {
            return SearchAnalyzers.tokens(analyzers.raw, matched).stream().allMatch(t -> STOP_WORDS.contains(t.term()));
        }

        private List<String> typoLines(LeafReaderContext leaf, int doc, CatalogTitle title, SearchAnalyzers.Token word,
                                       Kind kind) throws IOException {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                if (c.kind() != kind || !c.word().term().equals(word.term())) {
                    continue;
                }
                for (Span span : spans(weight(i), leaf, doc, c.field(), c.field().raw, title)) {
                    String typed = text.substring(word.start(), word.end());
                    String note = kind == Kind.PREFIX ? "starts with '" + typed + "'" : "you typed '" + typed + "'";
                    found.add(c.field().label + ": '" + span.shown + "' (" + note + ")");
                }
            }
            return found;
        }

        /** An exact span is either words the user typed (after stemming) or a synonym of some of them. */
        private String exactLine(SearchField field, Span span, List<int[]> covered) {
            List<String> terms = SearchAnalyzers.tokens(analyzers.stemmed, span.matched).stream()
                    .map(SearchAnalyzers.Token::term).toList();
            boolean typed = false;
            SearchAnalyzers.Token synonymOf = null;
            for (String term : terms) {
                SearchAnalyzers.Token source = typedSources.get(term);
                if (source != null) {
                    typed = true;
                    covered.add(new int[]{source.start(), source.end()});
                } else if (synonymSources.containsKey(term)) {
                    synonymOf = synonymSources.get(term);
                    covered.add(new int[]{synonymOf.start(), synonymOf.end()});
                }
            }
            String line = field.label + ": '" + span.shown + "'";
            if (!typed && synonymOf != null) {
                line += " (synonym of '" + text.substring(synonymOf.start(), synonymOf.end()) + "')";
            }
            return line;
        }

    }

    private static boolean isCovered(SearchAnalyzers.Token word, List<int[]> covered) {
        return covered.stream().anyMatch(r -> r[0] <= word.start() && word.end() <= r[1]);
    }

    /** Where a clause matched: the matched text, and what to show (the words for a name, the whole tag). */
    private record Span(String matched, String shown) {
    }

    private static List<Span> spans(Weight weight, LeafReaderContext leaf, int doc, SearchField field, String luceneField,
                                    CatalogTitle title) throws IOException {
        Matches matches = weight.matches(leaf, doc);
        if (matches == null) {
            return List.of();
        }
        MatchesIterator it = matches.getMatches(luceneField);
        if (it == null) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        List<String> values = field.valuesOf(title);
        while (it.next()) {
            Span span = locate(field, values, it.startOffset(), it.endOffset());
            if (span != null) {
                spans.add(span);
            }
        }
        return spans;
    }

    /**
     * Maps offsets back to the field's values. Lucene offsets of a multi-valued field run on across values,
     * each value starting after the previous one's length plus the analyzer's offset gap (1).
     */
    private static Span locate(SearchField field, List<String> values, int start, int end) {
        if (start < 0 || end < start) {
            return null;
        }
        int base = 0;
        for (String value : values) {
            if (start >= base && end <= base + value.length()) {
                String matched = value.substring(start - base, end - base);
                return new Span(matched, field == SearchField.NAME ? matched : value);
            }
            base += value.length() + 1;
        }
        return null;
    }

    private void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Releases the index. Searches already running finish first (the reader is reference-counted), so a caller
     * may swap in a rebuilt index and close the old one at once; searches started after close fail.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            decRef();
        }
    }
}
