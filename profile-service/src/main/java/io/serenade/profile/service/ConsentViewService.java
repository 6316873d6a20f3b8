package io.serenade.profile.service;

import io.serenade.events.ConsentChanged;
import io.serenade.events.Purposes;
import io.serenade.profile.api.ConsentViewResponse;
import io.serenade.profile.model.ConsentView;
import io.serenade.profile.repository.ConsentViewRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * profile-service's own view of consent, kept from the consent-changes topic: it decides notifications on
 * this view, never on a caller's word. Applying is idempotent: a change is applied only if it is newer than
 * what the view holds, and a tombstone (the user was erased) removes the user's view.
 */
@ApplicationScoped
public class ConsentViewService {

    /**
     * One record of the topic: its key (the user id) and its value, null for a tombstone or for a record that
     * could not be read ({@code unreadable}).
     */
    public record Keyed(String userId, ConsentChanged change, boolean unreadable) {

        public Keyed(String userId, ConsentChanged change) {
            this(userId, change, false);
        }

        public static Keyed unreadable(String userId) {
            return new Keyed(userId, null, true);
        }
    }

    private static final Comparator<String> PURPOSE_ORDER = Comparator
            .comparingInt((String p) -> Purposes.ALL.contains(p) ? Purposes.ALL.indexOf(p) : Purposes.ALL.size())
            .thenComparing(Comparator.naturalOrder());

    private final ConsentViewRepository views;

    public ConsentViewService(ConsentViewRepository views) {
        this.views = views;
    }

    public Uni<ConsentViewResponse> get(String userId) {
        return views.findById(userId).map(v -> v == null ? null : toResponse(v));
    }

    /**
     * Applies a batch, in topic order. Per user it reduces to at most a delete (a tombstone was seen), the newest
     * change after the last tombstone, and a clearing of grants, so one batch is a few statements whatever its size.
     * <p>
     * A record that cannot be read, or a change without changedAt (which cannot be ordered), may have been a
     * withdrawal: unknown means not granted, so it clears the user's grants, unless the view then holds a change
     * that came after it in the topic. It does not move changedAt, so that a newer change still applies.
     */
    public Uni<Integer> apply(List<Keyed> batch) {
        Map<String, ConsentViewRepository.Change> latest = new LinkedHashMap<>();
        Set<String> erased = new LinkedHashSet<>();
        // Users with an unknown change: the newest changedAt read after it, null when none was.
        Map<String, Instant> unknown = new LinkedHashMap<>();
        for (Keyed k : batch) {
            if (k.change() == null && !k.unreadable()) {
                latest.remove(k.userId());
                unknown.remove(k.userId());
                erased.add(k.userId());
                continue;
            }
            if (k.unreadable() || k.change().changedAt() == null) {
                unknown.put(k.userId(), null);
                continue;
            }
            ConsentViewRepository.Change c = new ConsentViewRepository.Change(k.userId(), granted(k.change()), k.change().changedAt());
            latest.merge(k.userId(), c, (old, neu) -> neu.changedAt().isAfter(old.changedAt()) ? neu : old);
            // Not computeIfPresent: the value is null until a change has been read after the unknown one.
            if (unknown.containsKey(k.userId())) {
                Instant after = unknown.get(k.userId());
                unknown.put(k.userId(), after == null || c.changedAt().isAfter(after) ? c.changedAt() : after);
            }
        }
        if (erased.isEmpty() && latest.isEmpty() && unknown.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<ConsentViewRepository.Unknown> unknowns = new ArrayList<>(unknown.size());
        unknown.forEach((user, after) -> unknowns.add(new ConsentViewRepository.Unknown(user, after)));
        return views.apply(List.copyOf(erased), List.copyOf(latest.values()), unknowns);
    }

    static List<String> granted(ConsentChanged change) {
        return change.consents().keySet().stream()
                .filter(Objects::nonNull)
                .filter(change::permits)
                .sorted(PURPOSE_ORDER)
                .toList();
    }

    static ConsentViewResponse toResponse(ConsentView v) {
        return new ConsentViewResponse(v.userId, v.granted.stream().sorted(PURPOSE_ORDER).toList(), v.changedAt, v.appliedAt);
    }
}
