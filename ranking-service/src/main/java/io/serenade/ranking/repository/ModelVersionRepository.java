package io.serenade.ranking.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.serenade.ranking.api.ModelVersionView;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The record of every model trained: written by the training thread, read by the admin API (JDBC, blocking). */
@ApplicationScoped
public class ModelVersionRepository {

    private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ModelVersionRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void started(String modelId, String kind, Instant at, Instant windowFrom, Instant windowTo,
                        Map<String, Object> parameters) throws SQLException {
        update("""
                INSERT INTO model_versions (model_id, kind, status, started_at, window_from, window_to, parameters)
                VALUES (?, ?, 'running', ?, ?, ?, ?::jsonb)""",
                modelId, kind, Timestamp.from(at), Timestamp.from(windowFrom), Timestamp.from(windowTo), write(parameters));
    }

    public void ready(String modelId, String kind, Instant at, int users, int items, long interactions,
                      Map<String, Double> metrics) throws SQLException {
        update("""
                UPDATE model_versions SET status = 'ready', kind = ?, finished_at = ?, users = ?, items = ?,
                       interactions = ?, metrics = ?::jsonb WHERE model_id = ?""",
                kind, Timestamp.from(at), users, items, interactions, write(metrics), modelId);
    }

    public void ended(String modelId, String status, Instant at, String detail) throws SQLException {
        update("UPDATE model_versions SET status = ?, finished_at = ?, detail = ? WHERE model_id = ?",
                status, Timestamp.from(at), detail, modelId);
    }

    /** Runs left 'running' by an instance that stopped mid-training did not finish. */
    public void abandonRunning(Instant at) throws SQLException {
        update("UPDATE model_versions SET status = 'cancelled', finished_at = ?, detail = 'the instance stopped' WHERE status = 'running'",
                Timestamp.from(at));
    }

    public List<ModelVersionView> latest(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT model_id, kind, status, started_at, finished_at, window_from, window_to, users, items,
                       interactions, parameters::text, metrics::text, detail
                FROM model_versions ORDER BY started_at DESC LIMIT ?""")) {
            s.setInt(1, limit);
            List<ModelVersionView> versions = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.add(new ModelVersionView(r.getString(1), r.getString(2), r.getString(3), instant(r, 4),
                            instant(r, 5), instant(r, 6), instant(r, 7), (Integer) r.getObject(8), (Integer) r.getObject(9),
                            (Long) r.getObject(10), read(r.getString(11)), read(r.getString(12)), r.getString(13)));
                }
            }
            return versions;
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, JSON_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
