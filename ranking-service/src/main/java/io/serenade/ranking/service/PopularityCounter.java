package io.serenade.ranking.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.recommend.HistoryEvent;
import io.serenade.ranking.recommend.InteractionWeights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-decayed title popularity in Redis, shared by every instance: the cold-start signal and the
 * "Trending now" row. Decay uses forward decay (Cormode et al. 2009): an event adds
 * {@code weight × 2^((t − landmark) / halfLife)}, so old counts never need rewriting and the ordering at any
 * moment equals that of exponentially decayed counts. Users' own state is not here: it is their history,
 * read from PostgreSQL at request time, so forgetting an event takes effect at once.
 */
@ApplicationScoped
public class PopularityCounter {

    /**
     * Scores grow by 2 per half-life after this instant; with a 7-day half-life a double holds ~19 years of
     * it. Moving the landmark means rescaling the set once (not needed before 2040).
     */
    static final Instant LANDMARK = Instant.parse("2026-01-01T00:00:00Z");

    private final Redis redis;
    private final ReactiveRedisDataSource redisData;
    private final String key;
    private final double halfLifeSeconds;

    public PopularityCounter(Redis redis, ReactiveRedisDataSource redisData, RankingConfig config) {
        this.redis = redis;
        this.redisData = redisData;
        this.key = config.redisPrefix() + "popularity";
        this.halfLifeSeconds = config.popularityHalfLife().toSeconds();
    }

    /** Adds (sign +1) or takes back (sign −1) the events' popularity, in one pipelined round trip. */
    public Uni<Void> apply(List<HistoryEvent> events, int sign) {
        Map<String, Double> deltas = new HashMap<>();
        for (HistoryEvent e : events) {
            double w = InteractionWeights.popularity(e.type(), e.value());
            if (e.titleId() != null && w != 0) {
                deltas.merge(e.titleId(), sign * w * growth(e.occurredAt()), Double::sum);
            }
        }
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> commands = new ArrayList<>(deltas.size());
        deltas.forEach((title, delta) -> commands.add(Request.cmd(Command.ZINCRBY).arg(key).arg(delta).arg(title)));
        return redis.batch(commands).replaceWithVoid();
    }

    /** Decayed popularity per title as of now, in "events per half-life" units. */
    public Uni<Map<String, Double>> popularity() {
        double now = growth(Instant.now());
        return redisData.sortedSet(String.class).zrangeWithScores(key, 0, -1).map(scored -> {
            Map<String, Double> byTitle = new HashMap<>(scored.size() * 2);
            for (ScoredValue<String> s : scored) {
                byTitle.put(s.value(), Math.max(0, s.score() / now));
            }
            return byTitle;
        });
    }

    double growth(Instant at) {
        return Math.pow(2, Duration.between(LANDMARK, at).toSeconds() / halfLifeSeconds);
    }
}
