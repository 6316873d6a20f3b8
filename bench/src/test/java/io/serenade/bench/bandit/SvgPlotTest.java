package io.serenade.bench.bandit;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SvgPlotTest {

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWellFormedSvgWithAPolylineAndALegendEntryPerSeries() throws Exception {
        SvgPlot left = new SvgPlot("A & B", "t", "regret", true, true)
                .add(new SvgPlot.Series("one <first>", new double[] {1, 10, 100}, new double[] {0, 5, 50}, "#111111", false))
                .add(new SvgPlot.Series("bound", new double[] {1, 10, 100}, new double[] {1, 2, 3}, "#000000", true));
        SvgPlot right = new SvgPlot("linear", "x", "y", false, false)
                .add(new SvgPlot.Series("line", new double[] {0, 1, 2}, new double[] {-1, 0, 3}, "#222222", false));
        String svg = SvgPlot.render(400, 300, List.of(left, right));
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("800");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(svg).contains("A &amp; B", "one &lt;first&gt;", "stroke-dasharray");
        // y = 0 cannot be drawn on a log axis: the first polyline keeps two of its three points
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertThat(points.split(" ")).hasSize(2);
    }

    @Test
    void logAxesSpanWholeDecadesWithShortLabels() {
        SvgPlot.Axis axis = SvgPlot.Axis.fit(List.of(new double[] {3, 25_000}), true);
        assertThat(axis.low()).isEqualTo(1);
        assertThat(axis.high()).isEqualTo(100_000);
        assertThat(axis.ticks()).hasSize(6);
        assertThat(axis.ticks().stream().map(axis::label).toList()).containsExactly("1", "10", "100", "1k", "10k", "100k");
        assertThat(axis.fraction(1_000)).isEqualTo(0.6);
    }

    @Test
    void linearAxesRoundToNiceSteps() {
        SvgPlot.Axis axis = SvgPlot.Axis.fit(List.of(new double[] {-1, 3}), false);
        assertThat(axis.step()).isEqualTo(1);
        assertThat(axis.ticks()).containsExactly(-1.0, 0.0, 1.0, 2.0, 3.0);
        assertThat(axis.label(2.5)).isEqualTo("2.5");
    }
}
