package io.serenade.kit.erasure;

import io.serenade.events.ErasureDigest;
import io.serenade.events.ErasureReceipt;
import io.serenade.events.ErasureRequested;
import io.serenade.events.Services;
import io.serenade.kit.testing.RecordingDeadLetters;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's side of erasure: the receipt it sends for a service, and what it does when the service or broker fails. */
class ErasureParticipantTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final ErasureRequested request = new ErasureRequested(0, UUID.randomUUID(), "u-1", Instant.now());

    @Test
    void theReceiptNamesTheServiceCountsPerStoreAndDigestsTheDeletedIds() {
        Receipts receipts = new Receipts(0);
        List<String> ids = List.of("interactions/e1", "interactions/e2", "consent_view/u-1");
        UserErasure erasure = user -> Uni.createFrom().item(new UserErasure.Erased(Map.of("postgresql:interactions", 2L,
                "postgresql:consent_view", 1L), ids));

        ErasureReceipt receipt = new ErasureParticipant(erasure, receipts, Services.RANKING, new RecordingDeadLetters()).answer(request).await().atMost(WAIT);

        assertThat(receipts.sent).hasSize(1);
        Record<String, ErasureReceipt> sent = receipts.sent.get(0);
        assertThat(sent.key()).isEqualTo("u-1");
        assertThat(sent.value()).isEqualTo(receipt);
        assertThat(receipt.service()).isEqualTo(Services.RANKING);
        assertThat(receipt.erasureId()).isEqualTo(request.erasureId());
        assertThat(receipt.deletedPerStore()).containsEntry("postgresql:interactions", 2L).containsEntry("postgresql:consent_view", 1L);
        assertThat(receipt.digest()).isEqualTo(ErasureDigest.of(request.erasureId(), ids));
    }

    @Test
    void aFailedPublicationIsRetriedWithoutErasingAgain() {
        AtomicInteger erasures = new AtomicInteger();
        Receipts receipts = new Receipts(2);
        UserErasure erasure = user -> Uni.createFrom().deferred(() -> {
            // A second erasure would find nothing left and attest to nothing.
            int n = erasures.incrementAndGet();
            return Uni.createFrom().item(new UserErasure.Erased(Map.of("redis:keys", n == 1 ? 3L : 0L), List.of()));
        });

        ErasureReceipt receipt = new ErasureParticipant(erasure, receipts, Services.GATEWAY, new RecordingDeadLetters()).answer(request).await().atMost(WAIT);

        assertThat(erasures).hasValue(1);
        assertThat(receipts.attempts).hasValue(3);
        assertThat(receipt.deletedPerStore()).containsEntry("redis:keys", 3L);
    }

    @Test
    void anErasureThatKeepsFailingIsParkedWithoutAReceiptAndTheStreamGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        Receipts receipts = new Receipts(0);
        UserErasure alwaysFailing = user -> Uni.createFrom().deferred(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("database away"));
        });

        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        new ErasureParticipant(alwaysFailing, receipts, Services.PROFILE, deadLetters).consume(record(request)).await().atMost(WAIT);

        assertThat(calls).as("tried again before parking").hasValue(6);
        assertThat(receipts.sent).as("no receipt attests to an erasure that did not happen").isEmpty();
        assertThat(deadLetters.parked).singleElement().satisfies(p -> {
            assertThat(p.record().value()).isEqualTo(request);
            assertThat(p.reason()).startsWith("failed after retries").endsWith("IllegalStateException");
        });
    }

    @Test
    void anIncompleteRequestIsParkedWithoutErasingAnyone() {
        AtomicInteger calls = new AtomicInteger();
        UserErasure counting = user -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(new UserErasure.Erased(Map.of(), List.of()));
        };
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        ErasureParticipant participant = new ErasureParticipant(counting, new Receipts(0), Services.ARTWORK, deadLetters);

        participant.consume(record(null)).await().atMost(WAIT);
        participant.consume(record(new ErasureRequested(0, null, "u-1", Instant.now()))).await().atMost(WAIT);
        participant.consume(record(new ErasureRequested(0, UUID.randomUUID(), null, Instant.now()))).await().atMost(WAIT);

        assertThat(calls).hasValue(0);
        assertThat(deadLetters.parked).extracting(RecordingDeadLetters.Parked::reason).containsOnly("incomplete").hasSize(3);
    }

    @Test
    void aServiceConsentServiceDoesNotWaitForCannotStart() {
        UserErasure any = user -> Uni.createFrom().nullItem();

        assertThatThrownBy(() -> new ErasureParticipant(any, new Receipts(0), "billing-service", new RecordingDeadLetters()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("billing-service");
    }

    private static ConsumerRecord<String, ErasureRequested> record(ErasureRequested request) {
        return new ConsumerRecord<>("erasure-requests", 0, 0L, "u-1", request);
    }

    /** The receipts channel: records what is sent; the first {@code failures} sends fail as a broker away would. */
    private static final class Receipts implements MutinyEmitter<Record<String, ErasureReceipt>> {

        final List<Record<String, ErasureReceipt>> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;

        Receipts(int failures) {
            this.failures = failures;
        }

        @Override
        public Uni<Void> send(Record<String, ErasureReceipt> payload) {
            return Uni.createFrom().deferred(() -> {
                if (attempts.incrementAndGet() <= failures) {
                    return Uni.createFrom().failure(new IllegalStateException("broker away"));
                }
                sent.add(payload);
                return Uni.createFrom().voidItem();
            });
        }

        @Override
        public void sendAndAwait(Record<String, ErasureReceipt> payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(Record<String, ErasureReceipt> payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends Record<String, ErasureReceipt>>> void send(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends Record<String, ErasureReceipt>>> Uni<Void> sendMessage(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends Record<String, ErasureReceipt>>> void sendMessageAndAwait(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends Record<String, ErasureReceipt>>> Cancellable sendMessageAndForget(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
