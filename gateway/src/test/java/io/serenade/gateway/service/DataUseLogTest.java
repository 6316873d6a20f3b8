package io.serenade.gateway.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.Purposes;
import io.serenade.gateway.messaging.DataUsePublisher;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A use is answered with its request id only once the broker took its record; a record it did not take is counted and fails the use. */
class DataUseLogTest {

    private static final DataUse USED = new DataUse().add(Purposes.PERSONALIZATION, List.of("ranking-service"), "interaction-history");

    @Test
    void aUseIsPublishedUnderAFreshRequestId() {
        List<DataUseRecorded> published = new ArrayList<>();
        DataUseLog log = new DataUseLog(publisher(r -> {
            published.add(r);
            return Uni.createFrom().voidItem();
        }), new SimpleMeterRegistry());
        String first = log.record("u-1", USED).await().indefinitely();
        String second = log.record("u-1", USED).await().indefinitely();
        assertThat(first).isNotEqualTo(second);
        assertThat(published).extracting(DataUseRecorded::requestId).containsExactly(first, second);
        assertThat(published.get(0).userId()).isEqualTo("u-1");
        assertThat(published.get(0).purposes()).containsExactly(Purposes.PERSONALIZATION);
    }

    @Test
    void nothingUsedNothingRecorded() {
        List<DataUseRecorded> published = new ArrayList<>();
        DataUseLog log = new DataUseLog(publisher(r -> {
            published.add(r);
            return Uni.createFrom().voidItem();
        }), new SimpleMeterRegistry());
        assertThat(log.record("u-1", new DataUse()).await().indefinitely()).isNull();
        assertThat(published).isEmpty();
    }

    @Test
    void aRecordTheBrokerDidNotTakeFailsTheUseAndIsCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DataUseLog broker = new DataUseLog(publisher(r -> Uni.createFrom().failure(new IllegalStateException("broker down"))), registry);
        assertThatThrownBy(() -> broker.record("u-1", USED).await().indefinitely())
                .isInstanceOf(DataUseLog.LedgerUnavailable.class).hasMessageStartingWith("Not personalized");
        DataUseLog closed = new DataUseLog(publisher(r -> {
            throw new IllegalStateException("emitter closed");
        }), registry);
        assertThatThrownBy(() -> closed.record("u-1", USED).await().indefinitely()).isInstanceOf(DataUseLog.LedgerUnavailable.class);
        assertThat(registry.counter(DataUseLog.FAILURES).count()).isEqualTo(2.0);
    }

    @Test
    void theUseWaitsForTheBrokersAnswer() {
        List<DataUseRecorded> published = new ArrayList<>();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        DataUseLog log = new DataUseLog(publisher(r -> {
            published.add(r);
            return Uni.createFrom().completionStage(ack);
        }), new SimpleMeterRegistry());
        CompletableFuture<String> answer = log.record("u-1", USED).subscribeAsCompletionStage();
        assertThat(published).hasSize(1);
        assertThat(answer).as("not answered before the broker acknowledged").isNotDone();
        ack.complete(null);
        assertThat(answer).isCompletedWithValue(published.get(0).requestId());
    }

    private static DataUsePublisher publisher(java.util.function.Function<DataUseRecorded, Uni<Void>> send) {
        return new DataUsePublisher(null) {
            @Override
            public Uni<Void> publish(DataUseRecorded record) {
                return send.apply(record);
            }
        };
    }
}
