package io.serenade.artwork.repository;

import io.serenade.artwork.model.LearnedImpression;
import io.serenade.artwork.model.LoggedImpression;
import io.serenade.artwork.model.RewardedImpression;
import io.serenade.artwork.policy.BetaStats;
import io.serenade.artwork.policy.SparseVector;
import io.serenade.events.Purposes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The propensity log and the learned state in PostgreSQL. Statements that must run together take the caller's
 * connection ({@link SqlClient}), so the service decides the transaction.
 */
@ApplicationScoped
public class BanditRepository {

    /**
     * One statement per batch: every column travels as an array. A column that is itself an array travels as its
     * text form ('{1,2}') and is cast back, since PostgreSQL cannot unnest an array of arrays of unequal length.
     */
    private static final String INSERT = """
            INSERT INTO impressions (impression_id, user_id, title_id, artwork_id, policy, propensity, sticky,
                                     candidates, context, x_idx, x_val, z_idx, layout, baseline, shown_at)
            SELECT id, u, t, a, p, pr, st, c::text[], ctx::jsonb, xi::int[], xv::float8[], zi::int[], l, b, at
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::bool[],
                          $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::float8[],
                          $15::timestamptz[])
                   AS r(id, u, t, a, p, pr, st, c, ctx, xi, xv, zi, l, b, at)
            ON CONFLICT (impression_id) DO NOTHING
            RETURNING artwork_id, title_id, 0::float8 AS amount, x_idx, x_val, z_idx, layout, baseline
            """;

    /**
     * Credits a reward to its impression when the event falls inside the window and raises the reward (so a play
     * after a click counts, a redelivered event changes nothing, and a click after a play takes nothing away), and
     * only while the viewer's artwork-personalization ($6) is granted in this service's consent view: after a
     * withdrawal their plays teach the bandit nothing. Returns the increase, which is what the learned state adds.
     */
    private static final String REWARD = """
            UPDATE impressions i SET reward = $3, rewarded_at = $4
              FROM (SELECT impression_id, COALESCE(reward, 0) AS before FROM impressions
                     WHERE impression_id = $1 FOR UPDATE) o
             WHERE i.impression_id = o.impression_id AND i.user_id = $2
               AND $4 >= i.shown_at AND $4 <= i.shown_at + make_interval(secs => $5)
               AND COALESCE(i.reward, -1) < $3
               AND EXISTS (SELECT 1 FROM consent_view c WHERE c.user_id = $2 AND $6 = ANY (c.purposes))
            RETURNING i.artwork_id, i.title_id, $3 - o.before AS amount, i.x_idx, i.x_val, i.z_idx, i.layout, i.baseline,
                      (SELECT v.tags FROM artwork_variants v WHERE v.artwork_id = i.artwork_id) AS tags,
                      (SELECT t.genres FROM titles t WHERE t.title_id = i.title_id) AS genres
            """;

    private static final String ADD_VARIANT_STATS = """
            INSERT INTO variant_stats (artwork_id, title_id, trials, reward)
            SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[])
            ON CONFLICT (artwork_id) DO UPDATE SET trials = variant_stats.trials + excluded.trials,
                                                   reward = variant_stats.reward + excluded.reward
            """;

    private static final String ADD_LINEAR_SUMS = """
            INSERT INTO linear_sums (layout, i, j, value)
            SELECT $1, * FROM unnest($2::int[], $3::int[], $4::float8[])
            ON CONFLICT (layout, i, j) DO UPDATE SET value = linear_sums.value + excluded.value
            """;

    private final Pool pool;

    public BanditRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /**
     * Writes the impressions in one statement on the caller's transaction; returns those newly written (an
     * impression written before is left as it is and not returned, so it is never learned twice).
     */
    public Uni<List<LearnedImpression>> insert(SqlClient tx, List<LoggedImpression> impressions) {
        int n = impressions.size();
        UUID[] ids = new UUID[n];
        String[] users = new String[n], titles = new String[n], artworks = new String[n], policies = new String[n];
        Double[] propensities = new Double[n], baselines = new Double[n];
        Boolean[] sticky = new Boolean[n];
        String[] candidates = new String[n], contexts = new String[n], xIdx = new String[n], xVal = new String[n],
                zIdx = new String[n], layouts = new String[n];
        OffsetDateTime[] shown = new OffsetDateTime[n];
        for (int k = 0; k < n; k++) {
            LoggedImpression i = impressions.get(k);
            ids[k] = i.impressionId();
            users[k] = i.userId();
            titles[k] = i.titleId();
            artworks[k] = i.artworkId();
            policies[k] = i.policy();
            propensities[k] = i.propensity();
            sticky[k] = i.sticky();
            candidates[k] = "{" + String.join(",", i.candidates()) + "}"; // ids are [A-Za-z0-9_-]: nothing to quote
            contexts[k] = i.contextJson();
            xIdx[k] = Arrays.toString(i.context().indices()).replace('[', '{').replace(']', '}');
            xVal[k] = Arrays.toString(i.context().values()).replace('[', '{').replace(']', '}');
            zIdx[k] = Arrays.toString(i.armFeatures()).replace('[', '{').replace(']', '}');
            layouts[k] = i.layout();
            baselines[k] = i.baseline();
            shown[k] = utc(i.shownAt());
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple(List.of(ids, users, titles, artworks, policies,
                        propensities, sticky, candidates, contexts, xIdx, xVal, zIdx, layouts, baselines, shown)))
                .map(rows -> {
                    List<LearnedImpression> inserted = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> inserted.add(learned(r)));
                    return inserted;
                });
    }

    /** Credits the reward on the caller's transaction; what the state and the taste learn, or null when nothing changed. */
    public Uni<RewardedImpression> reward(SqlClient tx, UUID impressionId, String userId, double reward, Instant at,
                                          Duration window) {
        return tx.preparedQuery(REWARD)
                .execute(Tuple.of(impressionId, userId, reward, utc(at), (double) window.toSeconds(), Purposes.ARTWORK_PERSONALIZATION))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new RewardedImpression(userId, learned(r), strings(r, "tags"), strings(r, "genres"));
                });
    }

    /** Whether the impression is in the log at all. */
    public Uni<Boolean> exists(UUID impressionId) {
        return pool.preparedQuery("SELECT 1 FROM impressions WHERE impression_id = $1").execute(Tuple.of(impressionId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static LearnedImpression learned(Row r) {
        return new LearnedImpression(r.getString("artwork_id"), r.getString("title_id"), r.getDouble("amount"),
                new SparseVector(ints(r, "x_idx"), doubles(r, "x_val")), ints(r, "z_idx"), r.getString("layout"),
                r.getDouble("baseline"));
    }

    /** What one batch adds to a variant's sums. */
    public record VariantDelta(String titleId, double trials, double reward) {

        public VariantDelta plus(double trials, double reward) {
            return new VariantDelta(titleId, this.trials + trials, this.reward + reward);
        }
    }

    /** Adds to the per-variant sums. */
    public Uni<Void> addVariantStats(SqlClient tx, Map<String, VariantDelta> deltas) {
        int n = deltas.size();
        String[] artwork = new String[n], title = new String[n];
        Double[] trials = new Double[n], reward = new Double[n];
        int k = 0;
        for (Map.Entry<String, VariantDelta> e : deltas.entrySet()) {
            artwork[k] = e.getKey();
            title[k] = e.getValue().titleId();
            trials[k] = e.getValue().trials();
            reward[k++] = e.getValue().reward();
        }
        return tx.preparedQuery(ADD_VARIANT_STATS).execute(Tuple.of(artwork, title, trials, reward)).replaceWithVoid();
    }

    /**
     * Adds to the contextual model's sums: the non-zero cells of Σφφᵀ at (i, j), of Σ(r − μ)φ at (i, −1), and the
     * number of observations at (−1, −1).
     */
    public Uni<Void> addLinearSums(SqlClient tx, String layout, double[] gram, double[] b, long observations) {
        int dim = b.length;
        List<Integer> is = new ArrayList<>();
        List<Integer> js = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                if (gram[i * dim + j] != 0) {
                    is.add(i);
                    js.add(j);
                    values.add(gram[i * dim + j]);
                }
            }
            if (b[i] != 0) {
                is.add(i);
                js.add(-1);
                values.add(b[i]);
            }
        }
        is.add(-1);
        js.add(-1);
        values.add((double) observations);
        return tx.preparedQuery(ADD_LINEAR_SUMS).execute(Tuple.of(layout, is.toArray(Integer[]::new),
                js.toArray(Integer[]::new), values.toArray(Double[]::new))).replaceWithVoid();
    }

    public Uni<Void> bumpVersion(SqlClient tx) {
        return tx.query("UPDATE bandit_version SET version = version + 1").execute().replaceWithVoid();
    }

    public Uni<Long> version() {
        return pool.query("SELECT version FROM bandit_version").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Map<String, BetaStats>> variantStats() {
        return pool.query("SELECT artwork_id, trials, reward FROM variant_stats").execute().map(rows -> {
            Map<String, BetaStats> stats = new HashMap<>();
            for (Row r : rows) {
                stats.put(r.getString(0), new BetaStats(r.getDouble(1), r.getDouble(2)));
            }
            return stats;
        });
    }

    /** The layout's stored sums: rows of (i, j, value). */
    public Uni<RowSet<Row>> linearSums(String layout) {
        return pool.preparedQuery("SELECT i, j, value FROM linear_sums WHERE layout = $1").execute(Tuple.of(layout));
    }

    /** Deletes impressions shown before the instant; returns how many. */
    public Uni<Integer> purgeBefore(Instant before) {
        return pool.preparedQuery("DELETE FROM impressions WHERE shown_at < $1").execute(Tuple.of(utc(before)))
                .map(RowSet::rowCount);
    }

    /** The viewer's impressions: how many, the first and the last shown (transparency). */
    public Uni<Held> heldBy(String userId) {
        return pool.preparedQuery("SELECT count(*), min(shown_at), max(shown_at) FROM impressions WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new Held(r.getLong(0), instant(r.getOffsetDateTime(1)), instant(r.getOffsetDateTime(2)));
                });
    }

    /** A count with its date range. */
    public record Held(long count, Instant oldest, Instant newest) {
    }

    /**
     * The viewer's impressions as they are shown to them in an export, oldest first, in one statement: what was shown,
     * with what probability, in which situation, and the reward it earned. The model's internal feature vectors are
     * left out (the named features are in the context).
     */
    public Uni<RowSet<Row>> exportOf(String userId) {
        return pool.preparedQuery("""
                SELECT impression_id, title_id, artwork_id, policy, propensity, sticky, candidates, context::text AS context,
                       shown_at, reward, rewarded_at
                  FROM impressions WHERE user_id = $1 ORDER BY shown_at, impression_id
                """).execute(Tuple.of(userId));
    }

    /** Deletes the viewer's impressions on the caller's transaction; returns their ids. */
    /**
     * Deletes the impressions of viewers whose artwork-personalization ended (withdrawn or denied), on the caller's
     * transaction; returns how many rows went.
     */
    public Uni<Integer> deleteImpressionsOf(SqlClient tx, List<String> userIds) {
        return tx.preparedQuery("DELETE FROM impressions WHERE user_id = ANY($1)")
                .execute(Tuple.of((Object) userIds.toArray(String[]::new))).map(rows -> rows.rowCount());
    }

    public Uni<List<UUID>> eraseImpressions(SqlClient tx, String userId) {
        return tx.preparedQuery("DELETE FROM impressions WHERE user_id = $1 RETURNING impression_id").execute(Tuple.of(userId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.rowCount());
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    /** The viewer's logged impressions, oldest first (tests). */
    public Uni<List<Row>> impressionsOf(String userId) {
        return pool.preparedQuery("SELECT * FROM impressions WHERE user_id = $1 ORDER BY shown_at")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /**
     * Freshly drawn (not sticky) impressions shown in [from, to) and before {@code shownBefore}, oldest first, for
     * the off-line evaluation export.
     */
    public Uni<RowSet<Row>> drawnBetween(Instant from, Instant to, Instant shownBefore) {
        return pool.preparedQuery("""
                SELECT shown_at, artwork_id, reward, propensity, context, title_id, candidates
                  FROM impressions WHERE shown_at >= $1 AND shown_at < $2 AND shown_at < $3 AND NOT sticky
                 ORDER BY shown_at
                """).execute(Tuple.of(utc(from), utc(to), utc(shownBefore)));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static int[] ints(Row r, String column) {
        Integer[] a = r.getArrayOfIntegers(column);
        return a == null ? new int[0] : Arrays.stream(a).mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(Row r, String column) {
        Double[] a = r.getArrayOfDoubles(column);
        return a == null ? new double[0] : Arrays.stream(a).mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> strings(Row r, String column) {
        String[] a = r.getArrayOfStrings(column);
        return a == null ? List.of() : List.of(a);
    }
}
