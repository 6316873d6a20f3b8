package io.serenade.artwork.service;

import io.quarkus.logging.Log;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.model.RewardedImpression;
import io.serenade.artwork.policy.Taste;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-viewer state in Redis, kept only for viewers who granted artwork-personalization: which image each title
 * showed them (stickiness: {@code <prefix>sticky:<user>}, title → "artworkId|shownAtMillis|propensity|reviewedAtMillis")
 * and what their plays say about their taste ({@code <prefix>taste:<user>}: "tag:x", "genre:y", "plays"). Both keys
 * expire: the sticky one after the stickiness period, the taste after the propensity log's retention; both are
 * deleted as soon as the viewer's artwork-personalization is no longer granted, and on erasure.
 */
@ApplicationScoped
public class ViewerState {

    /**
     * A title's earlier choice for this viewer: when it was first shown (the stickiness period counts from then) and
     * when it was last reviewed (first shown, or since confirmed by the gain rule; the hold counts from then).
     */
    public record Sticky(String artworkId, Instant shownAt, double propensity, Instant reviewedAt) {

        /** A fresh draw: shown and reviewed now. */
        public Sticky(String artworkId, Instant shownAt, double propensity) {
            this(artworkId, shownAt, propensity, shownAt);
        }

        /** The same choice, confirmed at {@code at}. */
        public Sticky reviewed(Instant at) {
            return new Sticky(artworkId, shownAt, propensity, at);
        }

        String encode() {
            return artworkId + "|" + shownAt.toEpochMilli() + "|" + propensity + "|" + reviewedAt.toEpochMilli();
        }

        /** Reads a stored value; one written before reviews were recorded (three fields) was last reviewed when shown. */
        static Sticky decode(String value) {
            String[] parts = value.split("\\|");
            if (parts.length != 3 && parts.length != 4) {
                return null;
            }
            try {
                Instant shownAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
                Instant reviewedAt = parts.length == 4 ? Instant.ofEpochMilli(Long.parseLong(parts[3])) : shownAt;
                return new Sticky(parts[0], shownAt, Double.parseDouble(parts[2]), reviewedAt);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** What a choice reads: the sticky choices of the requested titles (null where none) and the taste. */
    public record Read(Map<String, Sticky> sticky, Taste taste) {
    }

    /** Everything kept for a viewer: every title's sticky choice, and the taste (null when there is none). */
    public record Stored(Map<String, Sticky> sticky, Taste taste) {
    }

    private final Redis redis;
    private final String prefix;
    private final ArtworkConfig config;

    public ViewerState(Redis redis, ArtworkConfig config) {
        this.redis = redis;
        this.prefix = config.redisKeyPrefix();
        this.config = config;
    }

    String stickyKey(String userId) {
        return prefix + "sticky:" + userId;
    }

    String tasteKey(String userId) {
        return prefix + "taste:" + userId;
    }

    /** One round trip: HMGET of the titles' sticky choices and HGETALL of the taste, pipelined. */
    public Uni<Read> read(String userId, List<String> titleIds) {
        Request hmget = Request.cmd(Command.HMGET).arg(stickyKey(userId));
        titleIds.forEach(hmget::arg);
        Request hgetall = Request.cmd(Command.HGETALL).arg(tasteKey(userId));
        // Bounded: the caller serves the global image on a failure, and a hung Redis must fail too.
        return redis.batch(List.of(hmget, hgetall)).ifNoItem().after(config.redisTimeout()).fail().map(responses -> {
            Map<String, Sticky> sticky = new HashMap<>();
            Response values = responses.get(0);
            for (int i = 0; i < titleIds.size(); i++) {
                Response v = values.get(i);
                Sticky s = v == null ? null : Sticky.decode(v.toString());
                if (s != null) {
                    sticky.put(titleIds.get(i), s);
                }
            }
            return new Read(sticky, taste(responses.get(1)));
        });
    }

    private static Taste taste(Response hash) {
        Map<String, Double> tags = new HashMap<>();
        Map<String, Double> genres = new HashMap<>();
        double plays = 0;
        for (String field : hash.getKeys()) {
            double value = hash.get(field).toDouble();
            if (field.equals("plays")) {
                plays = value;
            } else if (field.startsWith("tag:")) {
                tags.put(field.substring(4), value);
            } else if (field.startsWith("genre:")) {
                genres.put(field.substring(6), value);
            }
        }
        return new Taste(tags, genres, plays);
    }

    /** All of the viewer's state, in one pipelined round trip (transparency and export). */
    public Uni<Stored> stored(String userId) {
        return redis.batch(List.of(Request.cmd(Command.HGETALL).arg(stickyKey(userId)),
                Request.cmd(Command.HGETALL).arg(tasteKey(userId)))).map(responses -> {
            Map<String, Sticky> sticky = new HashMap<>();
            Response hash = responses.get(0);
            for (String title : hash.getKeys()) {
                Sticky s = Sticky.decode(hash.get(title).toString());
                if (s != null) {
                    sticky.put(title, s);
                }
            }
            Response taste = responses.get(1);
            return new Stored(sticky, taste.size() == 0 ? null : taste(taste));
        });
    }

    /**
     * Deletes the viewer's keys (consent withdrawn, or erasure); returns the names of those that existed. Idempotent.
     */
    public Uni<List<String>> forget(String userId) {
        List<String> keys = List.of(stickyKey(userId), tasteKey(userId));
        return redis.batch(keys.stream().map(k -> Request.cmd(Command.DEL).arg(k)).toList()).map(responses -> {
            List<String> deleted = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                if (responses.get(i).toLong() > 0) {
                    deleted.add(keys.get(i));
                }
            }
            return deleted;
        });
    }

    /**
     * Remembers fresh and re-confirmed choices. Completes when Redis has them (a choice answered before would let a quick next page
     * draw again); a failure is only logged, since a lost write means the next visit draws again, nothing worse.
     */
    public Uni<Void> remember(String userId, Map<String, Sticky> choices) {
        if (choices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Request hset = Request.cmd(Command.HSET).arg(stickyKey(userId));
        choices.forEach((title, s) -> hset.arg(title).arg(s.encode()));
        Request expire = Request.cmd(Command.PEXPIRE).arg(stickyKey(userId)).arg(config.stickiness().period().toMillis());
        return redis.batch(List.of(hset, expire)).ifNoItem().after(config.redisTimeout()).fail().replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
            Log.warnf("sticky artwork choices not stored: %s", e.toString());
            return null;
        });
    }

    /** Learns from a play credited to an impression: its art's tags and its title's genres. */
    public Uni<Void> learn(RewardedImpression played) {
        String key = tasteKey(played.userId());
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.HINCRBYFLOAT).arg(key).arg("plays").arg(1));
        played.tags().forEach(t -> batch.add(Request.cmd(Command.HINCRBYFLOAT).arg(key).arg("tag:" + t).arg(1)));
        played.genres().forEach(g -> batch.add(Request.cmd(Command.HINCRBYFLOAT).arg(key).arg("genre:" + g).arg(1)));
        batch.add(Request.cmd(Command.PEXPIRE).arg(key).arg(config.propensityLog().retention().toMillis()));
        return redis.batch(batch).replaceWithVoid();
    }
}
