package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.ranking.recommend.ModelBuilder;
import io.serenade.kit.consent.ConsentViewUpdater;
import io.serenade.kit.consent.ConsentViewUpdater.Keyed;
import io.serenade.ranking.repository.InteractionLogRepository;
import io.serenade.ranking.repository.TrainingDataRepository;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.serenade.kit.testing.ConsentViewContract.consent;
import static org.assertj.core.api.Assertions.assertThat;

/** What a training reads, against the real PostgreSQL: only the interactions of users who granted personalization. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class TrainingDataRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TrainingDataRepository training;
    private final InteractionLogRepository log;
    private final ConsentViewUpdater consents;

    TrainingDataRepositoryTest(TrainingDataRepository training, InteractionLogRepository log, ConsentViewUpdater consents) {
        this.training = training;
        this.log = log;
        this.consents = consents;
    }

    @Test
    void onlyUsersWhoseViewGrantsPersonalizationAreTrainedOn() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> titles = List.of("tr-" + run + "-a", "tr-" + run + "-b", "tr-" + run + "-c");
        String granted = "tr-granted-" + run, withdrawn = "tr-withdrawn-" + run, otherPurpose = "tr-other-" + run,
                unknown = "tr-unknown-" + run;
        Instant now = Instant.now();
        consents.apply(List.of(new Keyed(granted, consent(granted, now, "personalization")),
                new Keyed(withdrawn, consent(withdrawn, now.minusSeconds(10), "personalization")),
                new Keyed(withdrawn, consent(withdrawn, now)),
                new Keyed(otherPurpose, consent(otherPurpose, now, "artwork-personalization", "search-history")))).await().atMost(WAIT);
        List<InteractionRecorded> events = new ArrayList<>();
        for (String user : List.of(granted, withdrawn, otherPurpose, unknown)) {
            for (String title : titles) {
                events.add(new InteractionRecorded(0, UUID.randomUUID(), user, title, InteractionType.PLAY, null, null, null,
                        null, null, now.minusSeconds(60)));
            }
        }
        log.insertNew(events, fresh -> Uni.createFrom().voidItem()).await().atMost(WAIT);

        ModelBuilder.Positives positives = training.positives(now.minus(Duration.ofDays(1)),
                Map.of(titles.get(0), 0, titles.get(1), 1, titles.get(2), 2), rows -> { });

        assertThat(positives.users()).as("the granted user alone").isEqualTo(1);
        assertThat(positives.pairs()).isEqualTo(3);
    }
}
