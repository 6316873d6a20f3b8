package io.serenade.gateway.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.Purposes;
import io.serenade.gateway.messaging.DataUsePublisher;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data-use log never fails the user's request: a record that cannot be published is counted, not thrown. */
class DataUseLogTest {

    private static final DataUse USED = new DataUse().add(Purposes.PERSONALIZATION, List.of("ranking-service"), "interaction-history");

    @Test
    void aUseIsPublishedUnderAFreshRequestId() {
        List<DataUseRecorded> published = new ArrayList<>();
        DataUseLog log = new DataUseLog(publisher(r -> {
            published.add(r);
            return Uni.createFrom().voidItem();
        }), new SimpleMeterRegistry());
        String first = log.record("u-1", USED);
        String second = log.record("u-1", USED);
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
        assertThat(log.record("u-1", new DataUse())).isNull();
        assertThat(published).isEmpty();
    }

    @Test
    void aFailedPublishIsCountedAndTheRequestGoesOn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DataUseLog broker = new DataUseLog(publisher(r -> Uni.createFrom().failure(new IllegalStateException("broker down"))), registry);
        assertThat(broker.record("u-1", USED)).isNotNull();
        DataUseLog closed = new DataUseLog(publisher(r -> {
            throw new IllegalStateException("emitter closed");
        }), registry);
        assertThat(closed.record("u-1", USED)).isNotNull();
        assertThat(registry.counter(DataUseLog.FAILURES).count()).isEqualTo(2.0);
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
