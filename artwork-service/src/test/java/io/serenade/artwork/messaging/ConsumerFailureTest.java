package io.serenade.artwork.messaging;

import io.serenade.artwork.config.PurposesConfig;
import io.serenade.artwork.service.ConsentViewService;
import io.serenade.artwork.service.ErasureService;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing store must not stop either channel: stopping it would leave every later record unread. */
class ConsumerFailureTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final PurposesConfig PURPOSES = new PurposesConfig() {
        @Override
        public String signingKey() {
            return "unused";
        }

        @Override
        public Duration tokenLifetime() {
            return Duration.ofSeconds(30);
        }
    };

    @Test
    void aConsentBatchIsRetriedUntilItAppliesAndNeverFailsTheStream() {
        AtomicInteger calls = new AtomicInteger();
        ConsentViewService failingSixTimes = new ConsentViewService(null, null, PURPOSES) {
            @Override
            public Uni<Void> apply(List<Change> changes) {
                return Uni.createFrom().deferred(() -> calls.incrementAndGet() <= 6
                        ? Uni.createFrom().failure(new IllegalStateException("database away"))
                        : Uni.createFrom().voidItem());
            }
        };
        ConsumerRecords<String, ConsentChanged> none = ConsumerRecords.empty();

        new ConsentConsumer(failingSixTimes).consume(none).await().atMost(WAIT);

        assertThat(calls).as("more attempts than the five it used to give up after").hasValue(7);
    }

    @Test
    void anErasureThatKeepsFailingIsPassedOverAndTheStreamGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        ErasureService alwaysFailing = new ErasureService(null, null, null, null, null, PURPOSES, null) {
            @Override
            public Uni<ErasureReceipt> handle(ErasureRequested request) {
                return Uni.createFrom().deferred(() -> {
                    calls.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("database away"));
                });
            }
        };

        new ErasureConsumer(alwaysFailing).consume(new ErasureRequested(0, UUID.randomUUID(), "u-1", Instant.now()))
                .await().atMost(WAIT);

        assertThat(calls).as("tried again before passing over").hasValueGreaterThan(1);
    }
}
