package io.serenade.profile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.profile.repository.InteractionRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The history repository against the real PostgreSQL test database. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class InteractionRepositoryTest {

    private final InteractionRepository repository;

    InteractionRepositoryTest(InteractionRepository repository) {
        this.repository = repository;
    }

    @Test
    @RunOnVertxContext
    void insertIgnoresEventsAlreadyStoredAndPagesNewestFirst(UniAsserter asserter) {
        String user = UUID.randomUUID().toString();
        InteractionRecorded older = event(user, "t-1", Instant.parse("2026-11-01T10:00:00Z"));
        InteractionRecorded newer = event(user, "t-2", Instant.parse("2026-11-02T10:00:00Z"));

        asserter.assertThat(() -> repository.insertIgnoringDuplicates(List.of(older, newer)),
                n -> assertThat(n).isEqualTo(2));
        asserter.assertThat(() -> repository.insertIgnoringDuplicates(List.of(newer, older, newer)),
                n -> assertThat(n).as("events already stored are not stored again").isZero());
        asserter.assertThat(() -> repository.countForUser(user), n -> assertThat(n).isEqualTo(2));
        asserter.assertThat(() -> repository.pageForUser(user, 0, 10), page -> {
            assertThat(page).extracting(i -> i.titleId).containsExactly("t-2", "t-1");
            assertThat(page.get(0).localTime).isEqualTo(LocalTime.of(21, 30));
            assertThat(page.get(0).device).isEqualTo("tv");
        });
    }

    @Test
    @RunOnVertxContext
    void anEmptyBatchWritesNothing(UniAsserter asserter) {
        asserter.assertThat(() -> repository.insertIgnoringDuplicates(List.of()), n -> assertThat(n).isZero());
    }

    static InteractionRecorded event(String user, String title, Instant at) {
        return new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY, 12.0, "a-1", "imp-1",
                null, new InteractionContext("tv", "en-GB", "Europe/London", LocalTime.of(21, 30)), at);
    }
}
