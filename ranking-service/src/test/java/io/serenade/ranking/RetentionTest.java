package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.config.RankingConfig;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.serenade.ranking.service.RetentionService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention purge against the real PostgreSQL, with the short retentions of the test profile (30 and 7 days). */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class RetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RetentionService retention;
    private final InteractionLogRepository log;
    private final RankingConfig config;
    private final Pool pool;

    RetentionTest(RetentionService retention, InteractionLogRepository log, RankingConfig config, Pool pool) {
        this.retention = retention;
        this.log = log;
        this.config = config;
        this.pool = pool;
    }

    @Test
    void eventsPastTheirRetentionArePurgedAndSearchesSooner() {
        assertThat(config.retention().interactionHistory()).isEqualTo(Duration.ofDays(30));
        assertThat(config.retention().searchHistory()).isEqualTo(Duration.ofDays(7));
        String user = "rt-" + UUID.randomUUID();
        Instant now = Instant.now();
        InteractionRecorded oldPlay = event(user, InteractionType.PLAY, now.minus(Duration.ofDays(31)));
        InteractionRecorded play = event(user, InteractionType.PLAY, now.minus(Duration.ofDays(29)));
        InteractionRecorded oldSearch = event(user, InteractionType.SEARCH, now.minus(Duration.ofDays(8)));
        InteractionRecorded search = event(user, InteractionType.SEARCH, now.minus(Duration.ofDays(6)));
        log.insertNew(List.of(oldPlay, play, oldSearch, search), fresh -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        UUID oldForget = UUID.randomUUID(), forget = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO forgotten_events (event_id, user_id, forgotten_at) VALUES ($1, $2, $3), ($4, $2, $5)")
                .execute(Tuple.of(oldForget, user, now.minus(Duration.ofDays(31)).atOffset(ZoneOffset.UTC), forget,
                        now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);

        RetentionService.Purged purged = retention.purge(now).await().atMost(WAIT);

        assertThat(purged.interactions()).isGreaterThanOrEqualTo(2);
        assertThat(purged.forgottenEvents()).isGreaterThanOrEqualTo(1);
        assertThat(ids("SELECT event_id FROM interactions WHERE user_id = $1", user))
                .containsExactlyInAnyOrder(play.eventId(), search.eventId());
        assertThat(ids("SELECT event_id FROM forgotten_events WHERE user_id = $1", user)).containsExactly(forget);

        assertThat(retention.purge(now).await().atMost(WAIT).interactions()).as("idempotent").isZero();
    }

    private List<UUID> ids(String sql, String user) {
        List<UUID> ids = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(user)).await().atMost(WAIT).forEach(r -> ids.add(r.getUUID(0)));
        return ids;
    }

    private static InteractionRecorded event(String user, InteractionType type, Instant at) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, type == InteractionType.SEARCH ? null : "t-1", type, null,
                null, null, null, null, at);
    }
}
