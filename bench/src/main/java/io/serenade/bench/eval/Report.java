package io.serenade.bench.eval;

import io.serenade.bench.eval.ModelSearch.ModelResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What one eval-recs run found: the data, the protocol, and per model its chosen setting and test figures. */
record Report(String dataset, Protocol protocol, long seed, int users, int items, int interactions,
              String diversityBasis, List<ModelResult> results) {

    ModelResult result(String model) {
        return results.stream().filter(r -> r.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + model));
    }

    String table() {
        List<String> header = new ArrayList<>(List.of("model", "chosen"));
        for (Metric m : protocol.metrics()) {
            header.add(m.label());
        }
        header.addAll(List.of("Coverage@10", "ILD@10", "valid NDCG@10", "seconds"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (ModelResult r : results) {
            List<String> row = new ArrayList<>();
            row.add(r.model());
            row.add(r.params().isEmpty() ? "-" : r.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(" ")));
            for (Metric m : protocol.metrics()) {
                row.add(String.format(Locale.ROOT, "%.4f", r.test().get(m)));
            }
            row.add(String.format(Locale.ROOT, "%.4f", r.coverage()));
            row.add(String.format(Locale.ROOT, "%.4f", r.diversity()));
            row.add(String.format(Locale.ROOT, "%.4f", r.validNdcg()));
            row.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s | protocol %s | seed %d%n", dataset, protocol.cliName(), seed));
        out.append(String.format(Locale.ROOT, "users %d | items %d | interactions %d | test users %d | ILD basis: %s%n",
                users, items, interactions, results.isEmpty() ? 0 : results.get(0).test().users(), diversityBasis));
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                out.append(c < 2 ? pad(cell, width[c]) : padLeft(cell, width[c]));
                out.append(c + 1 < row.size() ? "  " : System.lineSeparator());
            }
        }
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", dataset);
        root.put("protocol", protocol.cliName());
        root.put("seed", seed);
        root.put("users", users);
        root.put("items", items);
        root.put("interactions", interactions);
        root.put("k", Metric.K);
        root.put("diversityBasis", diversityBasis);
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model());
            m.put("params", r.params());
            Map<String, Object> metrics = new LinkedHashMap<>();
            r.test().metrics().forEach((metric, value) -> metrics.put(metric.label(), value));
            metrics.put("Coverage@10", r.coverage());
            metrics.put("ILD@10", r.diversity());
            m.put("test", metrics);
            m.put("testUsers", r.test().users());
            m.put("validNdcg@10", r.validNdcg());
            m.put("seconds", r.seconds());
            models.add(m);
        }
        root.put("models", models);
        return root;
    }

    private static String format(Object v) {
        return v instanceof Double d ? ModelSearch.num(d) : String.valueOf(v);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
