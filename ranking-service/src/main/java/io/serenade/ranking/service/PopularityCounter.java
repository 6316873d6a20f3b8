package io.serenade.ranking.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.recommend.CatalogSnapshot;
import io.serenade.ranking.recommend.CatalogTitle;
import io.serenade.ranking.recommend.InteractionWeights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each user's online state in Redis — genre weights learned from their events and the titles they completed —
 * and title popularity. Shared by every instance, so any instance serves any user with the latest events.
 */
@ApplicationScoped
public class OnlineState {

    /** What the ranker needs of a user right now. */
    public record UserState(Map<String, Double> genreWeights, Set<String> completed) {
    }

    private final Redis redis;
    private final ReactiveRedisDataSource redisData;
    private final String prefix;

    public OnlineState(Redis redis, ReactiveRedisDataSource redisData, RankingConfig config) {
        this.redis = redis;
        this.redisData = redisData;
        this.prefix = config.redisPrefix();
    }

    /**
     * Applies new events (each exactly once: the caller passes only events not applied before) in one
     * pipelined round trip. Increments are summed per key first, so a batch of 1,000 plays of one user
     * costs a handful of commands, not thousands.
     */
    public Uni<Void> apply(List<InteractionRecorded> events, CatalogSnapshot catalog) {
        Map<String, Map<String, Double>> genreDeltas = new HashMap<>();
        Map<String, Set<String>> completed = new HashMap<>();
        Map<String, Double> popularity = new HashMap<>();
        for (InteractionRecorded e : events) {
            if (e.titleId() == null) {
                continue;
            }
            double pop = InteractionWeights.popularity(e.type(), e.value());
            if (pop != 0) {
                popularity.merge(e.titleId(), pop, Double::sum);
            }
            if (e.type() == InteractionType.COMPLETE) {
                completed.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.titleId());
            }
            double taste = InteractionWeights.taste(e.type(), e.value());
            CatalogTitle title = catalog.get(e.titleId());
            if (taste != 0 && title != null) {
                Map<String, Double> deltas = genreDeltas.computeIfAbsent(e.userId(), u -> new HashMap<>());
                title.genres().forEach(g -> deltas.merge(g, taste, Double::sum));
            }
        }
        List<Request> commands = new ArrayList<>();
        genreDeltas.forEach((user, deltas) -> deltas.forEach((genre, delta) ->
                commands.add(Request.cmd(Command.HINCRBYFLOAT).arg(genresKey(user)).arg(genre).arg(delta))));
        completed.forEach((user, titles) -> {
            Request sadd = Request.cmd(Command.SADD).arg(completedKey(user));
            titles.forEach(sadd::arg);
            commands.add(sadd);
        });
        popularity.forEach((title, delta) ->
                commands.add(Request.cmd(Command.ZINCRBY).arg(popularityKey()).arg(delta).arg(title)));
        if (commands.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return redis.batch(commands).replaceWithVoid();
    }

    public Uni<UserState> read(String userId) {
        Uni<Map<String, Double>> genres = redisData.hash(Double.class).hgetall(genresKey(userId));
        Uni<Set<String>> done = redisData.set(String.class).smembers(completedKey(userId));
        return Uni.combine().all().unis(genres, done).with(UserState::new);
    }

    public Uni<Map<String, Double>> popularity() {
        return redisData.sortedSet(String.class).zrangeWithScores(popularityKey(), 0, -1).map(scored -> {
            Map<String, Double> byTitle = new HashMap<>(scored.size() * 2);
            for (ScoredValue<String> s : scored) {
                byTitle.put(s.value(), s.score());
            }
            return byTitle;
        });
    }

    String genresKey(String userId) {
        return prefix + "u:" + userId + ":genres";
    }

    String completedKey(String userId) {
        return prefix + "u:" + userId + ":completed";
    }

    String popularityKey() {
        return prefix + "popularity";
    }

}
