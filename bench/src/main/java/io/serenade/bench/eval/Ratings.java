package io.serenade.bench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ratings file as read, before any protocol touches it: one row per (user, item, rating, timestamp), users and
 * items given dense indexes in order of first appearance, and the items' genres when the data set has them.
 */
public final class Ratings {

    private final String source;
    private final List<String> userIds;
    private final List<String> itemIds;
    private final int[] user;
    private final int[] item;
    private final double[] rating;
    private final long[] timestamp;
    /** Per item index; null when the data set has no genres. */
    private final List<Set<String>> genres;

    private Ratings(Builder b, List<Set<String>> genres) {
        this.source = b.source;
        this.userIds = List.copyOf(b.userIds);
        this.itemIds = List.copyOf(b.itemIds);
        this.user = Arrays.copyOf(b.user, b.size);
        this.item = Arrays.copyOf(b.item, b.size);
        this.rating = Arrays.copyOf(b.rating, b.size);
        this.timestamp = Arrays.copyOf(b.timestamp, b.size);
        this.genres = genres;
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    public String source() {
        return source;
    }

    public int size() {
        return user.length;
    }

    public int users() {
        return userIds.size();
    }

    public int items() {
        return itemIds.size();
    }

    public String userId(int u) {
        return userIds.get(u);
    }

    public String itemId(int i) {
        return itemIds.get(i);
    }

    public int user(int row) {
        return user[row];
    }

    public int item(int row) {
        return item[row];
    }

    public double rating(int row) {
        return rating[row];
    }

    public long timestamp(int row) {
        return timestamp[row];
    }

    public boolean hasGenres() {
        return genres != null;
    }

    /** Genres of an item index; empty when unknown. */
    public Set<String> genres(int i) {
        return genres == null ? Set.of() : genres.get(i);
    }

    /** Rows are appended in file order; ids are kept as text because generic CSV ids need not be numbers. */
    public static final class Builder {

        private final String source;
        private final Map<String, Integer> userIndex = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private int[] user = new int[1024];
        private int[] item = new int[1024];
        private double[] rating = new double[1024];
        private long[] timestamp = new long[1024];
        private int size;

        private Builder(String source) {
            this.source = source;
        }

        public Builder add(String userId, String itemId, double value, long epochSecond) {
            if (size == user.length) {
                int capacity = size * 2;
                user = Arrays.copyOf(user, capacity);
                item = Arrays.copyOf(item, capacity);
                rating = Arrays.copyOf(rating, capacity);
                timestamp = Arrays.copyOf(timestamp, capacity);
            }
            user[size] = userIndex.computeIfAbsent(userId, id -> {
                userIds.add(id);
                return userIds.size() - 1;
            });
            item[size] = itemIndex.computeIfAbsent(itemId, id -> {
                itemIds.add(id);
                return itemIds.size() - 1;
            });
            rating[size] = value;
            timestamp[size] = epochSecond;
            size++;
            return this;
        }

        public Ratings build() {
            return new Ratings(this, null);
        }

        /** Builds with genres looked up by item id; a rated item missing from the map gets no genres. */
        public Ratings build(Map<String, Set<String>> genresByItemId) {
            List<Set<String>> genres = new ArrayList<>(itemIds.size());
            for (String id : itemIds) {
                genres.add(Set.copyOf(genresByItemId.getOrDefault(id, Set.of())));
            }
            return new Ratings(this, Collections.unmodifiableList(genres));
        }
    }
}
