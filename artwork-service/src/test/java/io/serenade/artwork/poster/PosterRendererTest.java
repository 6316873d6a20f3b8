package io.serenade.artwork.poster;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PosterRendererTest {

    private final PosterRenderer renderer = new PosterRenderer();

    @Test
    void namesAreEscapedAndCharactersXmlCannotCarryAreDropped() throws Exception {
        String svg = renderer.render("a-1", "<b>\"Q\" & 'A'\u0000\u0007\uD800</b>", List.of(), null);
        assertThat(svg).contains("&lt;b&gt;&quot;Q&quot; &amp; &apos;A&apos;&lt;/b&gt;").doesNotContain("<b>");
        assertThat(parse(svg)).isEqualTo("svg");
    }

    @Test
    void longNamesWrapIntoAtMostFourLinesAndEmojiAreNeverCutInHalf() throws Exception {
        String name = "😀".repeat(40) + " The Extraordinarily Long And Winding Tale Of Many Words";
        List<String> lines = PosterRenderer.wrap(PosterRenderer.clean(name));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).endsWith("…");
        assertThat(parse(renderer.render("a-1", name, List.of(), null))).isEqualTo("svg");
    }

    @Test
    void tagsAndColourShapeTheStyle() {
        String dark = renderer.render("a-1", "T", List.of("ominous", "faces"), "#336699");
        String bright = renderer.render("a-1", "T", List.of("comedy", "action"), "#336699");
        assertThat(dark).contains("#336699").contains("<circle").contains("fill=\"#FFFFFF\"");
        assertThat(bright).doesNotContain("<circle").contains("stroke-width");
        assertThat(renderer.render("a-1", "T", List.of(), null)).isEqualTo(renderer.render("a-1", "T", List.of(), null));
    }

    private static String parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getTagName();
    }
}
