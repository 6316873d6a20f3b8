package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.serenade.events.InteractionRecorded;
import io.serenade.kit.erasure.ErasedUsers;
import io.serenade.profile.config.ProfileConfig;
import io.serenade.profile.repository.InteractionRepository;
import io.serenade.profile.service.RetentionService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention purge with its own clock: rows dated in 2001, so that other tests' rows (dated now) are never
 * in reach, and cutoffs both from the configured defaults and from a short retention.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RetentionTest {

    private final RetentionService retention;
    private final InteractionRepository interactions;
    private final ProfileConfig config;
    private final Pool pool;
    private final ErasedUsers erased;

    RetentionTest(RetentionService retention, InteractionRepository interactions, ProfileConfig config, Pool pool,
                  ErasedUsers erased) {
        this.erased = erased;
        this.retention = retention;
        this.interactions = interactions;
        this.config = config;
        this.pool = pool;
    }

    @Test
    void theDefaultsAreTwoYearsOfHistorySixMonthsOfSearchesAndNinetyDaysOfDecisions() {
        assertThat(config.retention().interactionHistory()).isEqualTo(Duration.ofDays(730));
        assertThat(config.retention().searchHistory()).isEqualTo(Duration.ofDays(180));
        assertThat(config.retention().notificationDecisions()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void eachCategoryIsPurgedAtItsOwnRetention() throws Throwable {
        String user = UUID.randomUUID().toString();
        Instant now = Instant.parse("2001-07-01T00:00:00Z");
        InteractionRecorded ancientPlay = InteractionRepositoryTest.event(user, "t-old", now.minus(Duration.ofDays(800)));
        InteractionRecorded recentPlay = InteractionRepositoryTest.event(user, "t-new", now.minus(Duration.ofDays(200)));
        InteractionRecorded oldSearch = UserDataTest.search(user, "old words", now.minus(Duration.ofDays(200)));
        InteractionRecorded newSearch = UserDataTest.search(user, "new words", now.minus(Duration.ofDays(10)));
        TestData.consent(pool, user, "search-history"); // search text is stored only under it
        insert(List.of(ancientPlay, recentPlay, oldSearch, newSearch));
        TestData.decision(pool, user, "a", "ALLOW", now.minus(Duration.ofDays(100)));
        TestData.decision(pool, user, "b", "ALLOW", now.minus(Duration.ofDays(10)));

        RetentionService.Purged purged = VertxContextSupport.subscribeAndAwait(() ->
                retention.purge(RetentionService.Cutoffs.at(now, config.retention(), erased)));

        assertThat(titles(user)).containsExactlyInAnyOrder("t-new", null);
        assertThat(queries(user)).containsExactly("new words");
        assertThat(TestData.count(pool, "notification_decisions", user)).isEqualTo(1);
        assertThat(purged.interactions()).isGreaterThanOrEqualTo(1);
        assertThat(purged.searches()).isGreaterThanOrEqualTo(1);
        assertThat(purged.decisions()).isGreaterThanOrEqualTo(1);

        // A short retention (one week for everything) takes the rest, and a second run finds nothing of this user.
        Instant week = now.minus(Duration.ofDays(7));
        VertxContextSupport.subscribeAndAwait(() -> retention.purge(new RetentionService.Cutoffs(week, week, week, week)));
        assertThat(TestData.count(pool, "interactions", user)).isZero();
        assertThat(TestData.count(pool, "notification_decisions", user)).isZero();
    }

    @Test
    void anErasureMarkerLivesThirtyDaysThenGoes() throws Throwable {
        Instant now = Instant.parse("2001-07-01T00:00:00Z");
        String old = "marker-old-" + UUID.randomUUID(), young = "marker-young-" + UUID.randomUUID();
        for (Map.Entry<String, Instant> m : Map.of(old, now.minus(Duration.ofDays(31)), young, now.minus(Duration.ofDays(29))).entrySet()) {
            pool.preparedQuery("INSERT INTO erased_users (user_hash, erased_at) VALUES ($1, $2)")
                    .execute(Tuple.of(m.getKey(), m.getValue().atOffset(ZoneOffset.UTC))).await().indefinitely();
        }

        RetentionService.Purged purged = VertxContextSupport.subscribeAndAwait(() ->
                retention.purge(RetentionService.Cutoffs.at(now, config.retention(), erased)));

        assertThat(purged.erasedMarkers()).isGreaterThanOrEqualTo(1);
        assertThat(column("SELECT user_hash FROM erased_users WHERE user_hash = ANY($1)", new String[] {old, young}))
                .containsExactly(young);
    }

    private List<String> titles(String user) {
        return column("SELECT title_id FROM interactions WHERE user_id = $1", user);
    }

    private List<String> queries(String user) {
        return column("SELECT query FROM interactions WHERE user_id = $1 AND query IS NOT NULL", user);
    }

    private List<String> column(String sql, Object user) {
        List<String> values = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(user)).await().indefinitely().forEach(r -> values.add(r.getString(0)));
        return values;
    }

    private void insert(List<InteractionRecorded> events) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> interactions.insertIgnoringDuplicates(events));
        assertThat(TestData.count(pool, "interactions", events.get(0).userId())).isEqualTo(events.size());
    }
}
