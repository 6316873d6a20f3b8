package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.serenade.ranking.repository.TitleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking's repositories against the real PostgreSQL test database. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class InteractionLogRepositoryTest {

    private final InteractionLogRepository log;
    private final TitleRepository titles;
    private final Pool pool;

    InteractionLogRepositoryTest(InteractionLogRepository log, TitleRepository titles, Pool pool) {
        this.log = log;
        this.titles = titles;
        this.pool = pool;
    }

    @Test
    @RunOnVertxContext
    void onlyEventsNotLoggedBeforeAreHandedOnAndLogged(UniAsserter asserter) {
        String user = "u-" + UUID.randomUUID();
        InteractionRecorded a = event(user), b = event(user);

        asserter.assertThat(() -> log.insertNew(List.of(a, b), fresh -> Uni.createFrom().voidItem()),
                fresh -> assertThat(fresh).containsExactlyInAnyOrder(a.eventId(), b.eventId()));
        asserter.assertThat(() -> log.insertNew(List.of(b, a, event(user)), fresh -> Uni.createFrom().voidItem()),
                fresh -> assertThat(fresh).as("a and b were logged already").hasSize(1).doesNotContain(a.eventId(), b.eventId()));
        asserter.assertThat(() -> rows(user), n -> assertThat(n).isEqualTo(3));
    }

    @Test
    @RunOnVertxContext
    void aFailureBeforeCommitLeavesTheEventsNewForTheRedelivery(UniAsserter asserter) {
        String user = "u-" + UUID.randomUUID();
        InteractionRecorded e = event(user);
        asserter.assertFailedWith(() -> log.insertNew(List.of(e), fresh -> Uni.createFrom().failure(new IllegalStateException("redis down"))),
                IllegalStateException.class);
        asserter.assertThat(() -> rows(user), n -> assertThat(n).as("rolled back").isZero());
        asserter.assertThat(() -> log.insertNew(List.of(e), fresh -> Uni.createFrom().voidItem()),
                fresh -> assertThat(fresh).containsExactly(e.eventId()));
    }

    @Test
    @RunOnVertxContext
    void lastChangeIsTheNewestUpdate(UniAsserter asserter) {
        asserter.assertThat(titles::lastChange, last -> assertThat(last).isNotNull().isBeforeOrEqualTo(Instant.now()));
    }

    private Uni<Long> rows(String user) {
        return pool.preparedQuery("SELECT count(*) FROM interactions WHERE user_id = $1").execute(Tuple.of(user))
                .map(r -> r.iterator().next().getLong(0));
    }

    private static InteractionRecorded event(String user) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, "t-1", InteractionType.PLAY, null, null, null, null,
                null, Instant.now());
    }
}
