package io.serenade.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.serenade.events.serde.EventSerializer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every consumer's failure strategy, kept once: a batch is applied whole; a record that can never be applied
 * ({@link Poison}) is parked on the dead-letter topic with the reason, and the rest of its batch is applied around
 * it; any other failure (a store down) is retried until it passes, so the batch's offsets are committed only when
 * each of its records is either applied or parked. Nothing is skipped: an unreadable record (failed deserialization)
 * and one the consumer finds incomplete are parked too. Every parked record is counted in
 * {@value #PARKED} (by channel), which an alert watches; every retry in {@value #RETRIES}.
 * <p>
 * A dead letter keeps the original key, the value (as its event JSON, or the unreadable bytes as they came) and
 * headers naming where it came from and why: {@code dead-letter-topic}, {@code -partition}, {@code -offset},
 * {@code -service}, {@code -channel}, {@code -reason} (a class and SQLSTATE, never a message that could quote data).
 */
@ApplicationScoped
public class DeadLetters {

    public static final String PARKED = "serenade.dead_letters";
    public static final String RETRIES = "serenade.consumer.retries";
    public static final String HEADER_PREFIX = "dead-letter-";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String topic;
    private final String service;
    private final String bootstrap;
    private final MeterRegistry registry;
    private final Map<String, Counter> parked = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final EventSerializer json = new EventSerializer();
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(@ConfigProperty(name = "serenade.kit.dead-letters.topic", defaultValue = "dead-letters") String topic,
                       @ConfigProperty(name = "quarkus.application.name") String service,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrap,
                       MeterRegistry registry) {
        this.topic = topic;
        this.service = service;
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    /**
     * Applies a batch: records that are unreadable or not {@code applicable} are parked, the rest go to {@code apply}
     * together; when that fails for a poison record, one at a time, parking each poison record alone.
     *
     * @param applicable which records to apply; a readable record it refuses is parked as incomplete, a tombstone it
     *                   refuses is passed over (it carries nothing to apply); an unreadable record (value null, with SmallRye's failure header) is
     *                   parked in any case and also applied when this accepts it (a consent consumer applies it as
     *                   "nothing granted")
     * @return completes when every record is applied or parked; it does not fail
     */
    public <T> Uni<Void> apply(String channel, ConsumerRecords<String, T> records,
                               Predicate<ConsumerRecord<String, T>> applicable,
                               Function<List<ConsumerRecord<String, T>>, Uni<?>> apply) {
        List<ConsumerRecord<String, T>> toApply = new ArrayList<>(records.count());
        List<Uni<Void>> parking = new ArrayList<>();
        for (ConsumerRecord<String, T> r : records) {
            boolean unreadable = unreadable(r);
            if (unreadable) {
                // Not the deserializer's message: it may quote the bytes it could not read.
                parking.add(park(channel, r, "unreadable value"));
            }
            if (test(applicable, r)) {
                toApply.add(r);
            } else if (!unreadable && r.value() != null) {
                parking.add(park(channel, r, "incomplete"));
            } // else a tombstone this consumer has no use for: nothing to apply, nothing lost
        }
        Uni<Void> parkedFirst = parking.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(parking).onItem().transformToUniAndConcatenate(u -> u).collect().last().replaceWithVoid();
        // Every attempt runs on the consumer's own Vert.x context, where it was called: a retry's back-off and a
        // dead letter's acknowledgement resume on other threads, and reactive sessions work only on the context.
        Context context = Vertx.currentContext();
        Executor onContext = context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
        return parkedFirst.chain(() -> toApply.isEmpty() ? Uni.createFrom().voidItem()
                : applyOrSplit(channel, toApply, apply, onContext));
    }

    /** A predicate that throws on a strange record has refused it: the record is parked, not the batch failed. */
    private static <T> boolean test(Predicate<ConsumerRecord<String, T>> applicable, ConsumerRecord<String, T> r) {
        try {
            return applicable.test(r);
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** The records' values, in order. */
    public static <T> List<T> values(List<ConsumerRecord<String, T>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    /** True when SmallRye could not deserialize the record's value (it arrives as null with a failure header). */
    public static boolean unreadable(ConsumerRecord<?, ?> r) {
        return r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON) != null;
    }

    private <T> Uni<Void> applyOrSplit(String channel, List<ConsumerRecord<String, T>> batch,
                                       Function<List<ConsumerRecord<String, T>>, Uni<?>> apply, Executor onContext) {
        return retried(channel, () -> Uni.createFrom().deferred(() -> apply.apply(batch)).runSubscriptionOn(onContext))
                .onFailure().recoverWithUni(poison -> batch.size() == 1
                        ? park(channel, batch.get(0), Poison.reason(poison))
                        // One at a time, in order: a user's records stay in their order, and only the poison is parked.
                        : Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(r -> applyOrSplit(channel, List.of(r), apply, onContext))
                                .collect().last().replaceWithVoid());
    }

    /** {@code attempt} until it succeeds or fails with poison (then the failure passes on). */
    private Uni<Void> retried(String channel, Supplier<Uni<?>> attempt) {
        return Uni.createFrom().deferred(() -> {
                    try {
                        return attempt.get();
                    } catch (RuntimeException thrown) {
                        return Uni.createFrom().failure(thrown);
                    }
                })
                .onFailure(e -> !Poison.is(e)).invoke(e -> {
                    counter(retries, RETRIES, channel, "Consumer batches retried after a failure that passes").increment();
                    Log.warnf("%s: applying failed (%s), retrying", channel, e.getClass().getName());
                })
                .onFailure(e -> !Poison.is(e)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely()
                .replaceWithVoid();
    }

    /** Parks one record; retried until the broker has it, so the record's offset is never committed without it. */
    public <T> Uni<Void> park(String channel, ConsumerRecord<String, T> r, String reason) {
        return retried(channel + " dead letter", () -> send(channel, r, reason)).invoke(() -> {
            counter(parked, PARKED, channel, "Records that could not be applied, parked on the dead-letter topic").increment();
            Log.warnf("%s: record %s-%d@%d parked on %s: %s", channel, r.topic(), r.partition(), r.offset(), topic, reason);
        });
    }

    private <T> Uni<Void> send(String channel, ConsumerRecord<String, T> r, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_PREFIX + "topic", bytes(r.topic()));
        headers.add(HEADER_PREFIX + "partition", bytes(Integer.toString(r.partition())));
        headers.add(HEADER_PREFIX + "offset", bytes(Long.toString(r.offset())));
        headers.add(HEADER_PREFIX + "service", bytes(service));
        headers.add(HEADER_PREFIX + "channel", bytes(channel));
        headers.add(HEADER_PREFIX + "reason", bytes(reason));
        byte[] value = unreadable(r) ? rawValue(r) : r.value() == null ? null : json.serialize(r.topic(), r.value());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, r.key(), value, headers);
        return Uni.createFrom().emitter(e -> producer().send(letter, (meta, failure) -> {
            if (failure != null) {
                e.fail(failure);
            } else {
                e.complete(null);
            }
        }));
    }

    private static byte[] rawValue(ConsumerRecord<?, ?> r) {
        Header data = r.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA);
        return data == null ? null : data.value();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Counter counter(Map<String, Counter> counters, String name, String channel, String description) {
        return counters.computeIfAbsent(channel, c -> Counter.builder(name).description(description)
                .tag("channel", c).register(registry));
    }

    /** Made on first use: most services never park anything, and need no producer until they do. */
    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
