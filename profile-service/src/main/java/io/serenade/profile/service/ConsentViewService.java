package io.serenade.profile.service;

import io.serenade.events.ConsentChanged;
import io.serenade.events.Purposes;
import io.serenade.profile.api.ConsentViewResponse;
import io.serenade.profile.model.ConsentView;
import io.serenade.profile.repository.ConsentViewRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** One record of the topic: its key (the user id) and its value, null for a tombstone. */
    public record Keyed(String userId, ConsentChanged change) {
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
     * Applies a batch, in topic order. Per user it reduces to at most a delete (a tombstone was seen) followed by
     * the newest change after the last tombstone, so one batch is two statements whatever its size.
     */
    public Uni<Integer> apply(List<Keyed> batch) {
        Map<String, ConsentViewRepository.Change> latest = new LinkedHashMap<>();
        Set<String> erased = new LinkedHashSet<>();
        for (Keyed k : batch) {
            if (k.change() == null) {
                latest.remove(k.userId());
                erased.add(k.userId());
                continue;
            }
            if (k.change().changedAt() == null) {
                continue; // cannot be ordered against the view: an older change must never win
            }
            ConsentViewRepository.Change c = new ConsentViewRepository.Change(k.userId(), granted(k.change()), k.change().changedAt());
            latest.merge(k.userId(), c, (old, neu) -> neu.changedAt().isAfter(old.changedAt()) ? neu : old);
        }
        if (erased.isEmpty() && latest.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return views.apply(List.copyOf(erased), List.copyOf(latest.values()));
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
