package io.serenade.bench.bandit;

import io.serenade.bench.bandit.BanditLog.ItemFeatures;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads logged bandit feedback: the Open Bandit Dataset's files, and Serenade's propensity log exported in the same
 * columns plus the title and the candidates of each decision. A malformed line fails the read with its file and line.
 * Fields are split at commas without quoting: neither format has commas inside a field (hashes, ids, tags).
 */
public final class BanditLogReader {

    static final int USER_FEATURES = 4;

    /** Serenade's export, column for column. */
    static final String SERENADE_HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0,"
            + "user_feature_1,user_feature_2,user_feature_3,title_id,candidates";

    private BanditLogReader() {
    }

    /**
     * {@code dir/policy/campaign/campaign.csv}; every round's candidates are all the items of the
     * {@code item_context.csv} beside it, whose features are kept for the contextual policy.
     */
    public static BanditLog obd(Path dir, String policy, String campaign) throws IOException {
        Path folder = dir.resolve(policy).resolve(campaign);
        Map<String, ItemFeatures> items = obdItems(folder.resolve("item_context.csv"));
        List<String> candidates = List.copyOf(items.keySet());
        Table table = Table.read(folder.resolve(campaign + ".csv"));
        int time = table.column("timestamp");
        int item = table.column("item_id");
        int click = table.column("click");
        int propensity = table.column("propensity_score");
        int[] user = new int[USER_FEATURES];
        for (int u = 0; u < USER_FEATURES; u++) {
            user[u] = table.column("user_feature_" + u);
        }
        List<LoggedRound> rounds = new ArrayList<>();
        for (Row row : table.rows()) {
            String[] f = row.fields();
            if (!items.containsKey(f[item])) {
                throw table.malformed(row, "item " + f[item] + " is not in item_context.csv");
            }
            List<String> features = Arrays.stream(user).mapToObj(u -> f[u]).toList();
            rounds.add(table.round(row, f[time], features, candidates, f[item], f[propensity], f[click]));
        }
        return new BanditLog("OBD " + policy + "/" + campaign, rounds, items);
    }

    /** Serenade's exported propensity log: each round's candidates are the artwork ids of its {@code candidates}. */
    public static BanditLog serenade(Path file) throws IOException {
        Table table = Table.read(file);
        if (!table.header().equals(SERENADE_HEADER)) {
            throw new IllegalArgumentException(file + ":1: expected the header " + SERENADE_HEADER);
        }
        List<LoggedRound> rounds = new ArrayList<>();
        for (Row row : table.rows()) {
            String[] f = row.fields();
            List<String> candidates = Arrays.stream(f[11].split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            rounds.add(table.round(row, f[1], List.of(f[6], f[7], f[8], f[9]), candidates, f[2], f[5], f[4]));
        }
        return new BanditLog("Serenade " + file.getFileName(), rounds, Map.of());
    }

    private static Map<String, ItemFeatures> obdItems(Path file) throws IOException {
        Table table = Table.read(file);
        int item = table.column("item_id");
        int numeric = table.column("item_feature_0");
        int[] categorical = {table.column("item_feature_1"), table.column("item_feature_2"), table.column("item_feature_3")};
        Map<String, ItemFeatures> items = new LinkedHashMap<>();
        for (Row row : table.rows()) {
            String[] f = row.fields();
            List<String> categories = Arrays.stream(categorical).mapToObj(c -> f[c]).toList();
            items.put(f[item], new ItemFeatures(table.number(row, f[numeric]), categories));
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + ": no items");
        }
        return items;
    }

    /** One line of a file, split into exactly as many fields as the header has. */
    private record Row(int number, String line, String[] fields) {
    }

    /** A whole file: its header line and its rows. */
    private record Table(Path file, String header, List<String> names, List<Row> rows) {

        static Table read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            String header = null;
            List<String> names = List.of();
            List<Row> rows = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int no = 0;
                while ((line = in.readLine()) != null) {
                    no++;
                    if (no == 1 && line.startsWith("\uFEFF")) {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] fields = line.split(",", -1);
                    Row row = new Row(no, line, fields);
                    if (line.indexOf('"') >= 0) {
                        throw malformed(file, row, "quoted fields are not supported");
                    }
                    if (header == null) {
                        header = line;
                        names = List.of(fields);
                    } else if (fields.length != names.size()) {
                        throw malformed(file, row, "expected " + names.size() + " fields, found " + fields.length);
                    } else {
                        rows.add(row);
                    }
                }
            }
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty");
            }
            return new Table(file, header, names, rows);
        }

        int column(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(file + ":1: no column " + name);
            }
            return i;
        }

        LoggedRound round(Row row, String time, List<String> features, List<String> candidates, String item,
                          String propensity, String reward) {
            double r = number(row, reward);
            if (r < 0 || r > 1) {
                throw malformed(row, "the reward must lie in [0, 1]");
            }
            try {
                return new LoggedRound(instant(row, time), features, candidates, item, number(row, propensity), r);
            } catch (IllegalArgumentException e) {
                throw malformed(row, e.getMessage());
            }
        }

        /** OBD writes "2019-11-24 00:03:13.442536+00:00", Serenade ISO-8601 ("2025-03-01T20:15:00Z"): both are read. */
        Instant instant(Row row, String raw) {
            try {
                return OffsetDateTime.parse(raw.strip().replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(row, "timestamp \"" + raw + "\" is not ISO-8601 with an offset");
            }
        }

        double number(Row row, String raw) {
            double v;
            try {
                v = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw malformed(row, "\"" + raw + "\" is not a number");
            }
            return v;
        }

        IllegalArgumentException malformed(Row row, String reason) {
            return Table.malformed(file, row, reason);
        }

        static IllegalArgumentException malformed(Path file, Row row, String reason) {
            String shown = row.line().length() > 120 ? row.line().substring(0, 120) + "…" : row.line();
            return new IllegalArgumentException(file + ":" + row.number() + ": " + reason + ": \"" + shown + "\"");
        }
    }
}
