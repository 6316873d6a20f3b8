package io.serenade.consent.repository;

import io.serenade.consent.api.DataUseEntry;
import io.serenade.events.DataUseRecorded;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The data-use log, in plain SQL on the reactive pool: the consumer writes a whole batch in one statement
 * (unnest of column arrays, duplicates ignored), the columns are arrays, and erasure deletes on its own
 * transaction's connection, none of which an entity mapping would make simpler.
 */
@ApplicationScoped
public class DataUseRepository {

    /**
     * A record that occurred before an erasure of its user was requested is dropped: it was in flight when the
     * user's data was erased (the gateway published it just before), and storing it would bring back what the
     * erasure removed. A record made after the erasure is new data and is kept.
     */
    private static final String INSERT_BATCH = """
            INSERT INTO data_use (request_id, user_id, purposes, data_categories, services, occurred_at)
            SELECT d.request_id, d.user_id, string_to_array(d.purposes, ','), string_to_array(d.categories, ','),
                   string_to_array(d.services, ','), d.occurred_at
              FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[],
                          $8::text[])
                   AS d (request_id, user_id, purposes, categories, services, occurred_at, user_hash, user_hash_previous)
             WHERE NOT EXISTS (SELECT 1 FROM erasures e
                                WHERE e.user_hash IN (d.user_hash, d.user_hash_previous)
                                  AND e.requested_at >= d.occurred_at)
            ON CONFLICT (user_id, request_id) DO NOTHING
            """;

    private final Pool pool;

    private final Pseudonyms pseudonyms;

    public DataUseRepository(Pool pool, Pseudonyms pseudonyms) {
        this.pool = pool;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Stores the records not stored yet; returns how many were new. Lists travel comma-joined because the driver
     * cannot bind a two-dimensional array; names of purposes, categories and services never contain a comma.
     */
    public Uni<Integer> insertIgnoringDuplicates(List<DataUseRecorded> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = records.size();
        String[] requests = new String[n], users = new String[n], purposes = new String[n], categories = new String[n],
                services = new String[n], hashes = new String[n], previousHashes = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            DataUseRecorded r = records.get(i);
            requests[i] = r.requestId();
            users[i] = r.userId();
            purposes[i] = String.join(",", r.purposes());
            categories[i] = String.join(",", r.dataCategories());
            services[i] = String.join(",", r.services());
            occurred[i] = r.occurredAt().atOffset(ZoneOffset.UTC);
            // An erasure names its user by pseudonym only (see ErasureService).
            hashes[i] = pseudonyms.of(r.userId());
            previousHashes[i] = pseudonyms.previousOf(r.userId());
        }
        return pool.preparedQuery(INSERT_BATCH)
                .execute(Tuple.tuple(List.of(requests, users, purposes, categories, services, occurred, hashes, previousHashes)))
                .map(rows -> rows.rowCount());
    }

    /** A page of the user's records within [from, to], newest first. */
    public Uni<List<DataUseEntry>> page(String userId, Instant from, Instant to, int page, int size) {
        return pool.preparedQuery("""
                        SELECT request_id, purposes, data_categories, services, occurred_at FROM data_use
                         WHERE user_id = $1 AND occurred_at BETWEEN $2 AND $3
                         ORDER BY occurred_at DESC, request_id DESC LIMIT $4 OFFSET $5""")
                .execute(Tuple.of(userId, utc(from), utc(to), size, (long) page * size))
                .map(DataUseRepository::entries);
    }

    public Uni<Long> count(String userId, Instant from, Instant to) {
        return pool.preparedQuery("SELECT count(*) FROM data_use WHERE user_id = $1 AND occurred_at BETWEEN $2 AND $3")
                .execute(Tuple.of(userId, utc(from), utc(to)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Every record of the user, newest first: the export. */
    public Uni<List<DataUseEntry>> all(String userId) {
        return pool.preparedQuery("""
                        SELECT request_id, purposes, data_categories, services, occurred_at FROM data_use
                         WHERE user_id = $1 ORDER BY occurred_at DESC, request_id DESC""")
                .execute(Tuple.of(userId))
                .map(DataUseRepository::entries);
    }

    /** How many records the user has, and the dates of the oldest and newest. */
    public Uni<Holdings> holdings(String userId) {
        return pool.preparedQuery("SELECT count(*), min(occurred_at), max(occurred_at) FROM data_use WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> Holdings.of(rows.iterator().next()));
    }

    /** Deletes the records older than the cutoff; returns how many. */
    public Uni<Integer> purgeBefore(Instant cutoff) {
        return pool.preparedQuery("DELETE FROM data_use WHERE occurred_at < $1").execute(Tuple.of(utc(cutoff)))
                .map(rows -> rows.rowCount());
    }

    /** Deletes every record of the user on the caller's connection; returns the deleted request ids. */
    public Uni<List<String>> deleteForUser(SqlClient connection, String userId) {
        return connection.preparedQuery("DELETE FROM data_use WHERE user_id = $1 RETURNING request_id")
                .execute(Tuple.of(userId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(r -> r.getString(0)).toList());
    }

    private static List<DataUseEntry> entries(Iterable<Row> rows) {
        List<DataUseEntry> entries = new ArrayList<>();
        for (Row r : rows) {
            entries.add(new DataUseEntry(r.getString("request_id"), List.of(r.getArrayOfStrings("purposes")),
                    List.of(r.getArrayOfStrings("data_categories")), List.of(r.getArrayOfStrings("services")),
                    r.getOffsetDateTime("occurred_at").toInstant()));
        }
        return entries;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
