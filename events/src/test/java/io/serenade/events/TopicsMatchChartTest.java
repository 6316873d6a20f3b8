package io.serenade.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart declares the topics an operator's Kafka must hold (and creates them as Strimzi
 * KafkaTopics). They must be the ones the services use, with the same partitions and compaction settings,
 * or a deployment would run on topics shaped differently from every local and CI run.
 */
class TopicsMatchChartTest {

    private static final Path VALUES = Path.of("..", "k8s", "helm", "serenade", "values.yaml");

    @Test
    void chartTopicsAreTheContractTopics() throws IOException {
        List<Map<String, Object>> chart = topics().get("list") instanceof List<?> list
                ? list.stream().map(TopicsMatchChartTest::asMap).toList()
                : List.of();

        List<Topics.Spec> fromChart = chart.stream()
                .map(t -> new Topics.Spec((String) t.get("name"), (Integer) t.get("partitions"), (Boolean) t.get("compacted")))
                .toList();

        assertThat(fromChart).containsExactlyElementsOf(Topics.ALL);
    }

    @Test
    void chartCompactionSettingsAreTheContractSettings() throws IOException {
        Map<String, String> expected = Arrays.stream(Topics.COMPACTED_CONFIG.split(","))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b, LinkedHashMap::new));

        Map<String, Object> chart = asMap(topics().get("compactedConfig"));

        assertThat(chart).containsExactlyInAnyOrderEntriesOf(Map.copyOf(expected));
    }

    private static Map<String, Object> topics() throws IOException {
        try (Reader reader = Files.newBufferedReader(VALUES)) {
            Map<String, Object> values = new Yaml().load(reader);
            return asMap(asMap(values.get("kafka")).get("topics"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
