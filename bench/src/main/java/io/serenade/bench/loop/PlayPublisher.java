package io.serenade.bench.loop;

import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.events.Topics;
import io.serenade.events.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the simulated viewers' plays to the interactions topic, as the gateway does for real ones, each a moment
 * after its page was shown, as a person plays seconds after seeing a page. (The service also copes with a play that
 * overtakes its impression, which it writes in batches about a second apart: it tries such a play again.)
 */
final class PlayPublisher implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final Duration delay;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    PlayPublisher(String bootstrap, Duration delay) {
        this.delay = delay;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class));
    }

    /** Schedules the viewer's play of the chosen title, joined to the choice by its impression id. */
    void play(String userId, ArtworkClient.Choice choice) {
        later.schedule(() -> {
            InteractionRecorded play = new InteractionRecorded(InteractionRecorded.VERSION, UUID.randomUUID(), userId,
                    choice.titleId(), InteractionType.PLAY, 30.0, choice.artworkId(), choice.impressionId(), null, null,
                    Instant.now());
            producer.send(new ProducerRecord<>(Topics.INTERACTIONS, userId, play), (metadata, e) -> {
                if (e == null) {
                    sent.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Plays acknowledged by the broker so far. */
    long sent() {
        return sent.get();
    }

    /** Plays the broker did not acknowledge. */
    long failed() {
        return failed.get();
    }

    /** Sends the plays still waiting for their moment, then waits until the broker has acknowledged all of them. */
    @Override
    public void close() throws InterruptedException {
        later.shutdown();
        if (!later.awaitTermination(delay.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("plays still queued 30 s after the loop ended");
        }
        producer.close(Duration.ofSeconds(30));
    }
}
