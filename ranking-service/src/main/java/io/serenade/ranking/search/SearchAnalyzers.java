package io.serenade.ranking.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The analysis chains of catalog search. Every chain starts the same way (standard tokenizer, English
 * possessive, lower case, ASCII folding) so that offsets and raw terms agree between the fields:
 * <ul>
 *   <li>{@code raw}: nothing more. Typo (fuzzy) and prefix matching run on it, because edit distances and
 *   prefixes are about what people type, and a stemmer changes word endings.</li>
 *   <li>{@code stemmed}: adds the Porter stemmer; the index side of exact matching ("galaxies" = "galaxy").</li>
 *   <li>{@code query}: adds synonyms before stemming; the query side of exact matching. Synonyms apply at
 *   query time only, where SynonymGraphFilter keeps multi-word synonyms as a graph that QueryBuilder turns
 *   into correct queries, and the synonym list can change without reindexing.</li>
 * </ul>
 */
final class SearchAnalyzers implements Closeable {

    static final String SYNONYMS_RESOURCE = "/search/synonyms.txt";
    static final String RAW_SUFFIX = "_raw";
    /** Keeps a phrase from matching across two tags of a title ("romance" + "comedy" is not a phrase). */
    private static final int POSITION_GAP = 100;

    final Analyzer raw;
    final Analyzer stemmed;
    final Analyzer query;
    /** Indexing: {@code *_raw} fields get the raw chain, the others the stemmed one. */
    final Analyzer indexing;

    private SearchAnalyzers(SynonymMap synonyms) {
        this.raw = chain(UnaryOperator.identity());
        this.stemmed = chain(PorterStemFilter::new);
        this.query = chain(ts -> new PorterStemFilter(new SynonymGraphFilter(ts, synonyms, false)));
        this.indexing = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return fieldName.endsWith(RAW_SUFFIX) ? raw : stemmed;
            }
        };
    }

    static SearchAnalyzers withBundledSynonyms() {
        try (InputStream in = SearchAnalyzers.class.getResourceAsStream(SYNONYMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SYNONYMS_RESOURCE);
            }
            try (Analyzer parsing = chain(UnaryOperator.identity())) {
                SolrSynonymParser parser = new SolrSynonymParser(true, true, parsing);
                parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                return new SearchAnalyzers(parser.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("bad synonyms file " + SYNONYMS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Analyzer chain(UnaryOperator<TokenStream> tail) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new ASCIIFoldingFilter(ts);
                return new TokenStreamComponents(source, tail.apply(ts));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    /** One token of an analyzed text, with its offsets in that text and whether a synonym rule produced it. */
    record Token(String term, int start, int end, boolean synonym) {
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
                        SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() {
        indexing.close();
        raw.close();
        stemmed.close();
        query.close();
    }
}
