package io.serenade.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.serenade.events.DataUseRecorded;
import io.serenade.gateway.messaging.DataUsePublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Records each personalized response's use of personal data as a {@link DataUseRecorded}. The response does not
 * wait for the broker: a user is not refused their page because the log is slow, and a failed publish is
 * logged (by request id only) and counted in {@value #FAILURES}, which an alert watches.
 */
@ApplicationScoped
public class DataUseLog {

    static final String FAILURES = "serenade.data.use.publish.failures";

    private final DataUsePublisher publisher;
    private final Counter failures;

    public DataUseLog(DataUsePublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.failures = Counter.builder(FAILURES)
                .description("Data-use records that could not be published")
                .register(registry);
    }

    /** Publishes the use and answers its request id; null, and nothing published, when no purpose was used. */
    public String record(String userId, DataUse use) {
        if (use.isEmpty()) {
            return null;
        }
        String requestId = UUID.randomUUID().toString();
        DataUseRecorded record = new DataUseRecorded(DataUseRecorded.VERSION, requestId, userId, use.purposes(),
                use.categories(), use.services(), Instant.now());
        try {
            publisher.publish(record).subscribe().with(ok -> { }, e -> failed(requestId, e));
        } catch (RuntimeException e) { // an emitter that refuses synchronously (closed, overflowing)
            failed(requestId, e);
        }
        return requestId;
    }

    private void failed(String requestId, Throwable e) {
        failures.increment();
        Log.warnf("data-use record %s not published: %s", requestId, e.getClass().getSimpleName());
    }
}
