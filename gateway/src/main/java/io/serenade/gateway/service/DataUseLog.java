package io.serenade.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.serenade.events.DataUseRecorded;
import io.serenade.gateway.messaging.DataUsePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Records each personalized response's use of personal data as a {@link DataUseRecorded}, and answers only once the
 * broker has durably accepted it (acks=all on an idempotent producer): a response that used personal data is sent
 * only with its record in the ledger. When the record cannot be written the answer is {@link LedgerUnavailable},
 * counted in {@value #FAILURES} (an alert watches it), and the caller serves the request without personal data.
 */
@ApplicationScoped
public class DataUseLog {

    static final String FAILURES = "serenade.data.use.publish.failures";
    /**
     * A backstop only: the producer's own delivery.timeout.ms (shorter) answers first, so the broker, not this
     * timer, decides whether a record was written; a record this timer gave up on may still land (over-reporting,
     * never under-reporting a use).
     */
    static final Duration BACKSTOP = Duration.ofSeconds(8);

    private final DataUsePublisher publisher;
    private final Counter failures;

    public DataUseLog(DataUsePublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.failures = Counter.builder(FAILURES)
                .description("Data-use records the broker did not accept: their responses were served without personal data")
                .register(registry);
    }

    /**
     * Publishes the use and answers its request id once the broker acknowledged it; a null item, and nothing
     * published, when no purpose was used; {@link LedgerUnavailable} when the record was not accepted.
     */
    public Uni<String> record(String userId, DataUse use) {
        if (use.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String requestId = UUID.randomUUID().toString();
        DataUseRecorded record = new DataUseRecorded(DataUseRecorded.VERSION, requestId, userId, use.purposes(),
                use.categories(), use.services(), Instant.now());
        Uni<Void> sent;
        try {
            sent = publisher.publish(record);
        } catch (RuntimeException e) { // an emitter that refuses synchronously (closed, overflowing)
            sent = Uni.createFrom().failure(e);
        }
        return sent.ifNoItem().after(BACKSTOP).fail()
                .replaceWith(requestId)
                .onFailure().transform(e -> failed(requestId, e));
    }

    private LedgerUnavailable failed(String requestId, Throwable e) {
        failures.increment();
        Log.warnf("data-use record %s not accepted (%s): its response goes out without personal data", requestId,
                e.getClass().getSimpleName());
        return new LedgerUnavailable(e);
    }

    /** The data-use ledger did not accept a record: the response that needed it must not use personal data. */
    public static final class LedgerUnavailable extends RuntimeException {

        /** What a response served without personal data for this reason tells its reader. */
        public static final String NOTICE = "Not personalized: your data-use log could not be written just now, and "
                + "Serenade does not use your data without recording it. Try again shortly.";

        LedgerUnavailable(Throwable cause) {
            super(NOTICE, cause, false, false);
        }
    }
}
