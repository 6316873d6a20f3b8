package io.serenade.ranking.repository;

import io.agroal.api.AgroalDataSource;
import io.serenade.events.InteractionType;
import io.serenade.events.Purposes;
import io.serenade.ranking.recommend.InteractionWeights;
import io.serenade.ranking.recommend.ModelBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads the interactions a model trains on — those of users who granted personalization — streamed with a cursor
 * on the training thread (plain JDBC: a training is a long batch read, not a request, and must not hold the
 * reactive pool's connections).
 */
@ApplicationScoped
public class TrainingDataRepository {

    /**
     * Only users whose personalization is granted in ranking's consent view are learned from: their interactions are
     * kept as their history either way, but used for recommendations only with that purpose. No row in the view
     * means nothing granted.
     */
    private static final String CONSENTED = """
            FROM interactions i JOIN consent_view c ON c.user_id = i.user_id AND ? = ANY (c.purposes)
            WHERE i.occurred_at >= ? AND i.title_id IS NOT NULL
            """;
    private static final String COUNT = "SELECT count(*) " + CONSENTED;
    private static final String READ = "SELECT i.user_id, i.title_id, i.type, i.value " + CONSENTED;

    private final AgroalDataSource dataSource;

    public TrainingDataRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(Instant from) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT)) {
            s.setString(1, Purposes.PERSONALIZATION);
            s.setTimestamp(2, Timestamp.from(from));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * The (user, title) pairs whose summed taste weight is positive — a user who played a title and then
     * rated it 1 star does not count as liking it. Titles not in {@code titleIndex} are skipped.
     */
    public ModelBuilder.Positives positives(Instant from, Map<String, Integer> titleIndex, LongConsumer rowsRead) throws SQLException {
        Map<String, Integer> users = new HashMap<>();
        Map<Long, Double> weight = new HashMap<>();
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);   // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(READ)) {
                s.setFetchSize(10_000);
                s.setString(1, Purposes.PERSONALIZATION);
                s.setTimestamp(2, Timestamp.from(from));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (++rows % 100_000 == 0) {
                            rowsRead.accept(rows);
                            if (Thread.currentThread().isInterrupted()) {
                                throw new SQLException("training cancelled while reading interactions");
                            }
                        }
                        Integer title = titleIndex.get(r.getString(2));
                        if (title == null) {
                            continue;
                        }
                        double value = r.getDouble(4);
                        double w = InteractionWeights.taste(InteractionType.valueOf(r.getString(3)), r.wasNull() ? null : value);
                        if (w == 0) {
                            continue;
                        }
                        int user = users.computeIfAbsent(r.getString(1), u -> users.size());
                        weight.merge(((long) user << 32) | title, w, Double::sum);
                    }
                }
            } finally {
                c.rollback();
            }
        }
        rowsRead.accept(rows);
        int[] pairUser = new int[weight.size()];
        int[] pairTitle = new int[weight.size()];
        int pairs = 0;
        for (Map.Entry<Long, Double> e : weight.entrySet()) {
            if (e.getValue() > 0) {
                pairUser[pairs] = (int) (e.getKey() >>> 32);
                pairTitle[pairs] = (int) (e.getKey() & 0xffffffffL);
                pairs++;
            }
        }
        return new ModelBuilder.Positives(users.size(), Arrays.copyOf(pairUser, pairs), Arrays.copyOf(pairTitle, pairs), pairs);
    }
}
