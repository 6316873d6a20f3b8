package io.serenade.bench.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.bench.Keycloak;
import io.serenade.bench.Options;
import io.serenade.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Proof of erasure, against the running suite: gives a load-test user data in every store ({@link UserData}),
 * checks that a scan finds them in every service's PostgreSQL database and in Redis (so the scan is known to
 * see them), erases them through the public API, and scans again:
 * <ul>
 *   <li>every table of every service database, each row as text, for the user id;</li>
 *   <li>every Redis key, its name and its value;</li>
 *   <li>every compacted topic, as a consumer rebuilding state sees it (the latest value per key): no live
 *   record keyed by or containing the user id. Superseded records still in the log until the cleaner
 *   compacts them are counted and reported, not failed (docs/privacy.md: gone within the hour).</li>
 *   <li>every delete-policy topic, read from its start (at most 30 s each): the records still holding the user id
 *   are counted and reported, not failed; they stay readable until the topic's retention ends (issue 14, item 4).</li>
 * </ul>
 * Exits 1 if anything is left. Bounded: one user, one erasure, reads of local stores.
 */
public final class ErasureProof {

    static final List<String> DATABASES = List.of("serenade_profile", "serenade_ranking", "serenade_artwork", "serenade_consent");

    private ErasureProof() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String user = options.get("user", "loadtest-3");
        Keycloak keycloak = new Keycloak(options);
        String gatewayUrl = options.get("gateway", "http://127.0.0.1:8080") + "/api/v1";
        String token = keycloak.token(user);
        String userId = Tokens.subject(token);
        Api gateway = new Api(gatewayUrl, token);
        Api notifier = new Api(gatewayUrl, keycloak.clientToken("serenade-notifier", "serenade-notifier-secret"));
        String pgHost = options.get("pg-host", "127.0.0.1") + ":" + options.get("pg-port", "5432");
        int redisPort = options.getInt("redis-port", 6379);
        String kafka = options.get("kafka", "127.0.0.1:9092");

        UserData.fill(gateway, notifier, userId, 200, 7);
        UserData.export(gateway);
        Map<String, Long> before = scanStores(pgHost, redisPort, userId);
        System.out.println("before erasure, records holding the user id:");
        before.forEach((store, n) -> System.out.printf("  %-40s %d%n", store, n));
        List<String> unseen = new ArrayList<>();
        for (String db : DATABASES) {
            if (before.entrySet().stream().noneMatch(e -> e.getKey().startsWith("postgresql:" + db + ".") && e.getValue() > 0)) {
                unseen.add(db);
            }
        }
        if (before.entrySet().stream().noneMatch(e -> e.getKey().startsWith("redis") && e.getValue() > 0)) {
            unseen.add("redis");
        }
        if (!unseen.isEmpty()) {
            System.out.println("FAIL the scan did not find the user where they must have data: " + unseen);
            System.exit(1);
        }

        String id = gateway.post("/me/erasure", Map.of()).ok().path("id").asText();
        JsonNode[] receipt = new JsonNode[1];
        ConsentPropagation.await(() -> {
            receipt[0] = gateway.get("/me/erasure/" + id).ok();
            return "DONE".equals(receipt[0].path("status").asText());
        }, "erasure " + id + " to complete", 20);
        System.out.println("combined receipt: " + receipt[0]);

        Map<String, Long> after = scanStores(pgHost, redisPort, userId);
        long left = 0;
        System.out.println("after erasure:");
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (e.getValue() > 0) {
                System.out.printf("  LEFT %-40s %d%n", e.getKey(), e.getValue());
                left += e.getValue();
            }
        }
        System.out.printf("  %d tables and key spaces scanned%n", after.size());
        for (String topic : Topics.ALL.stream().filter(Topics.Spec::compacted).map(Topics.Spec::name).toList()) {
            long[] found = scanCompacted(kafka, topic, userId);
            System.out.printf("  kafka:%s live records of the user: %d; superseded records awaiting compaction: %d;"
                    + " tombstone: %s%n", topic, found[0], found[1], found[2] == 1 ? "yes" : "no");
            left += found[0];
        }
        // Reported, not failed: delete-policy topics keep an erased member's events readable until their retention
        // ends (7 days). Making them unreadable at erasure (crypto-shredding) is issue 14's item 4, not built yet.
        for (String topic : Topics.ALL.stream().filter(t -> !t.compacted()).map(Topics.Spec::name).toList()) {
            long[] found = scanLog(kafka, topic, userId, Duration.ofSeconds(30));
            System.out.printf("  kafka:%s (delete policy) records still readable holding the user id: %d of %d read%s%n",
                    topic, found[0], found[1], found[2] == 1 ? "" : " (stopped after 30 s, before the end)");
        }
        if (left > 0) {
            System.out.println("FAIL " + left + " records still hold the user id");
            System.exit(1);
        }
        System.out.println("ok    0 records keyed by or containing the user id in PostgreSQL, Redis and compacted topics");
    }

    /** Records holding the user id, per table ({@code postgresql:<db>.<table>}) and for Redis ({@code redis}). */
    static Map<String, Long> scanStores(String pgHost, int redisPort, String userId) throws Exception {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String db : DATABASES) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + db, db, db)) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
                for (String table : tables) {
                    // The whole row as text: every column, arrays and JSON included.
                    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM \"" + table + "\" r WHERE strpos(r::text, ?) > 0")) {
                        s.setString(1, userId);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            found.put("postgresql:" + db + "." + table, rs.getLong(1));
                        }
                    }
                }
            }
        }
        found.put("redis", scanRedis(redisPort, userId));
        return found;
    }

    @SuppressWarnings("unchecked")
    static long scanRedis(int port, String userId) throws Exception {
        long hits = 0;
        try (Resp redis = new Resp("127.0.0.1", port)) {
            String cursor = "0";
            do {
                List<Object> page = (List<Object>) redis.call("SCAN", cursor, "COUNT", "1000");
                cursor = (String) page.get(0);
                for (Object k : (List<Object>) page.get(1)) {
                    String key = (String) k;
                    if (key.contains(userId) || valueOf(redis, key).contains(userId)) {
                        hits++;
                    }
                }
            } while (!"0".equals(cursor));
        }
        return hits;
    }

    private static String valueOf(Resp redis, String key) throws Exception {
        Object value = switch ((String) redis.call("TYPE", key)) {
            case "string" -> redis.call("GET", key);
            case "hash" -> redis.call("HGETALL", key);
            case "set" -> redis.call("SMEMBERS", key);
            case "zset" -> redis.call("ZRANGE", key, "0", "-1");
            case "list" -> redis.call("LRANGE", key, "0", "-1");
            default -> ""; // gone meanwhile, or a type Serenade does not use
        };
        return String.valueOf(value);
    }

    /**
     * {live records of the user in the compacted view, superseded records of the user still in the log, 1 if the
     * user's key ends in a tombstone}. The tombstone is keyed by the user id but holds nothing; the broker drops it
     * after delete.retention.ms.
     */
    static long[] scanCompacted(String bootstrap, String topic, String userId) {
        byte[] id = userId.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> latest = new HashMap<>();
        long[] userRecords = {0};
        boolean whole = readFromStart(bootstrap, topic, Duration.ofSeconds(60), r -> {
            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            latest.put(key, r.value());
            if (key.contains(userId) || (r.value() != null && contains(r.value(), id))) {
                userRecords[0]++;
            }
        });
        if (!whole) {
            throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
        }
        long live = latest.entrySet().stream()
                .filter(e -> e.getValue() != null && (e.getKey().contains(userId) || contains(e.getValue(), id)))
                .count();
        long tombstones = latest.containsKey(userId) && latest.get(userId) == null ? 1 : 0;
        return new long[]{live, userRecords[0] - live - tombstones, tombstones};
    }

    /** {records whose key or value holds the user id, records read, 1 if the whole topic was read within the limit}. */
    static long[] scanLog(String bootstrap, String topic, String userId, Duration limit) {
        byte[] id = userId.getBytes(StandardCharsets.UTF_8);
        long[] counts = {0, 0};
        boolean whole = readFromStart(bootstrap, topic, limit, r -> {
            counts[1]++;
            if ((r.key() != null && contains(r.key(), id)) || (r.value() != null && contains(r.value(), id))) {
                counts[0]++;
            }
        });
        return new long[]{counts[0], counts[1], whole ? 1 : 0};
    }

    /** Hands every record of the topic, from its start to its end as of now, to {@code each}; false if {@code limit} ran out first. */
    private static boolean readFromStart(String bootstrap, String topic, Duration limit,
                                         Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + limit.toMillis();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
        return true;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
