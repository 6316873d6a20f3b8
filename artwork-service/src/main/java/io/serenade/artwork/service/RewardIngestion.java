package io.serenade.artwork.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Joins interaction events to the impressions they follow (by impression id, same viewer, within the window):
 * a play earns the play weight, a click alone the click weight (0 by default, so an image cannot win by being
 * clicked and abandoned). Only for viewers whose artwork-personalization is granted in this service's consent view
 * (checked in the crediting statement): for anyone else nothing is credited and no taste learned. Idempotent: a redelivered event raises no reward twice and teaches the viewer's taste
 * nothing twice.
 * <p>
 * An event whose impression is not in the log may be early rather than unknown: impressions are written in batches
 * about a second apart, possibly by another replica, and a quick play can overtake its impression. Such an event is
 * tried again {@value #ATTEMPTS} times, {@value #RETRY_SECONDS} s apart, before it is counted as unmatched (no
 * consent at the time, an unknown id, or an impression past its retention).
 */
@ApplicationScoped
public class RewardIngestion {

    private final BanditRepository repository;
    private final BanditState bandit;
    private final ViewerState viewers;
    private final ArtworkConfig.Reward config;
    private final Counter credited;
    private final Counter unmatched;
    /** Events waiting for their impression to be logged; bounded, oldest dropped first. */
    private final ConcurrentLinkedDeque<Early> early = new ConcurrentLinkedDeque<>();
    private final AtomicInteger earlyCount = new AtomicInteger();

    static final int ATTEMPTS = 3;
    static final int RETRY_SECONDS = 2;
    static final int MAX_EARLY = 10_000;

    /** An event tried {@code attempts} times so far, to be tried again at {@code dueAt}. */
    private record Early(InteractionRecorded event, int attempts, Instant dueAt) {
    }

    public RewardIngestion(BanditRepository repository, BanditState bandit, ViewerState viewers, ArtworkConfig config,
                           MeterRegistry registry) {
        this.repository = repository;
        this.bandit = bandit;
        this.viewers = viewers;
        this.config = config.reward();
        this.credited = Counter.builder("serenade.artwork.rewards.credited")
                .description("Plays and clicks credited to a logged impression").register(registry);
        this.unmatched = Counter.builder("serenade.artwork.rewards.unmatched")
                .description("Plays and clicks whose impression was never logged (no consent, unknown or expired)")
                .register(registry);
    }

    /** Applies the batch's rewards one after another (a viewer's events keep their order); returns how many were credited. */
    public Uni<Integer> apply(List<InteractionRecorded> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(event -> apply(event, 0))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** Tries early events again whose time has come. On a worker thread, like every background job here. */
    @Scheduled(every = RETRY_SECONDS + "s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryEarly() {
        Instant now = Instant.now();
        for (int n = earlyCount.get(); n > 0; n--) {
            Early e = early.pollFirst();
            if (e == null) {
                return;
            }
            earlyCount.decrementAndGet();
            if (e.dueAt().isAfter(now)) {
                keep(e);
                continue;
            }
            try {
                apply(e.event(), e.attempts()).await().atMost(Duration.ofSeconds(10));
            } catch (RuntimeException failure) {
                Log.warnf("retrying a reward failed, dropping it: %s", failure.toString());
            }
        }
    }

    /** Forgets the viewer's events waiting for their impression (erasure); returns their event ids. */
    public List<UUID> dropPending(String userId) {
        List<UUID> dropped = new ArrayList<>();
        for (Early e : early) {
            if (userId.equals(e.event().userId()) && early.remove(e)) {
                earlyCount.decrementAndGet();
                dropped.add(e.event().eventId());
            }
        }
        return dropped;
    }

    private void keep(Early e) {
        if (earlyCount.incrementAndGet() > MAX_EARLY) {
            earlyCount.decrementAndGet();
            unmatched.increment();
            return;
        }
        early.addLast(e);
    }

    /** @param attempts how many times the event was tried before */
    private Uni<Integer> apply(InteractionRecorded event, int attempts) {
        if (event == null || event.impressionId() == null || event.userId() == null || event.occurredAt() == null) {
            return Uni.createFrom().item(0);
        }
        double weight = weight(event);
        UUID impressionId = parse(event.impressionId());
        if (weight < 0 || impressionId == null) {
            return Uni.createFrom().item(0);
        }
        // Credited and learned in one transaction: a reward raises the learned state exactly once.
        return repository.pool().withTransaction(tx -> repository.reward(tx, impressionId, event.userId(), weight,
                                event.occurredAt(), config.window())
                        .call(rewarded -> rewarded == null ? Uni.createFrom().voidItem()
                                : bandit.learnRewards(tx, List.of(rewarded.learned()))))
                .flatMap(rewarded -> {
                    if (rewarded == null) {
                        return repository.exists(impressionId).map(logged -> {
                            if (!logged) {
                                if (attempts + 1 < ATTEMPTS) {
                                    keep(new Early(event, attempts + 1, Instant.now().plusSeconds(RETRY_SECONDS)));
                                } else {
                                    unmatched.increment();
                                }
                            }
                            return 0;
                        });
                    }
                    credited.increment();
                    return event.type() == InteractionType.PLAY ? viewers.learn(rewarded).replaceWith(1) : Uni.createFrom().item(1);
                });
    }

    /**
     * The event's reward in [0, 1] (weights outside are clamped: the play-rate model counts at most one success per
     * impression), or −1 when it is not a reward at all (impressions, ratings, searches, short plays).
     */
    double weight(InteractionRecorded event) {
        return switch (event.type()) {
            case PLAY -> event.value() == null || event.value() >= config.minPlayMinutes() ? clamp(config.playWeight()) : -1;
            case CLICK -> clamp(config.clickWeight());
            default -> -1;
        };
    }

    private static double clamp(double weight) {
        return Math.max(0, Math.min(1, weight));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
