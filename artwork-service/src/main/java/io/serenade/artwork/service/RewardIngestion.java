package io.serenade.artwork.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.serenade.artwork.config.ArtworkConfig;
import io.serenade.artwork.repository.BanditRepository;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Joins interaction events to the impressions they follow (by impression id, same viewer, within the window):
 * a play earns the play weight, a click alone the click weight (0 by default, so an image cannot win by being
 * clicked and abandoned). Only for viewers whose artwork-personalization is granted in this service's consent view
 * (checked in the crediting statement): for anyone else nothing is credited and no taste learned. Idempotent: a
 * redelivered event raises no reward twice and teaches the viewer's taste nothing twice.
 * <p>
 * A choice is answered only once its impression is committed ({@link ImpressionLog}), so a play can never overtake
 * its impression: an event whose impression is not in the log is unmatched at once (no consent at the time, an
 * unknown id, or an impression past its retention), counted, not kept. A reward whose statement fails is not
 * dropped: the consumer's dead-letter strategy retries it while the failure passes and parks it when it never can.
 */
@ApplicationScoped
public class RewardIngestion {

    private final BanditRepository repository;
    private final BanditState bandit;
    private final ViewerState viewers;
    private final ArtworkConfig.Reward config;
    private final Counter credited;
    private final Counter unmatched;

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

    /** An event this service reads at all (the consumer parks any other); most are no reward and pass unused. */
    public static boolean complete(InteractionRecorded e) {
        return e != null && e.eventId() != null && e.userId() != null && e.type() != null && e.occurredAt() != null;
    }

    /** Applies the batch's rewards one after another (a viewer's events keep their order); returns how many were credited. */
    public Uni<Integer> apply(List<InteractionRecorded> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> apply(InteractionRecorded event) {
        if (event.impressionId() == null) {
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
                        unmatched.increment();
                        return Uni.createFrom().item(0);
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
