package io.serenade.kit.consent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.arc.properties.IfBuildProperty;
import io.serenade.events.ConsentChanged;
import io.serenade.events.Purposes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the service's consent view in step with the consent topic. Applying is idempotent: a change applies only
 * if it is newer than the stored one, so a redelivered or replayed older change never undoes a withdrawal. A
 * tombstone (the user's erasure) drops the view: no consent is known, so none is assumed. Deleting the user's data is
 * the erasure request's work, whose receipt counts what it deleted (done here first, it would count nothing).
 * <p>
 * A change that cannot be read, or has no changedAt (it cannot be ordered), may have been a withdrawal: unknown
 * means not granted, so it clears the user's grants, unless the view then holds a change that came after it in the
 * topic. It keeps the stored changedAt, so the user's next change applies and an older one replayed still does not.
 */
@ApplicationScoped
@IfBuildProperty(name = ConsentViewStore.ENABLED, stringValue = "true")
public class ConsentViewUpdater {

    /**
     * One record of the topic: its key (the user id) and its value, null for a tombstone or for a record that could
     * not be read ({@code unreadable}).
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

    private final ConsentViewStore store;
    private final List<ConsentViewListener> listeners;
    private final Counter listenerFailures;

    public ConsentViewUpdater(ConsentViewStore store, @All List<ConsentViewListener> listeners, MeterRegistry meters) {
        this.store = store;
        this.listeners = listeners;
        this.listenerFailures = Counter.builder("serenade.consent_view.listener_failures")
                .description("Consent changes applied whose follow-up in another store (e.g. deleting Redis keys) failed")
                .register(meters);
    }

    /**
     * Applies a batch, in topic order, in one transaction with the listeners. Per user it reduces to at most a
     * delete (a tombstone was seen), the newest change after the last tombstone, and a clearing of grants, so one
     * batch is a few statements whatever its size. Returns how many users it named.
     */
    public Uni<Integer> apply(List<Keyed> batch) {
        Map<String, ConsentViewStore.Change> latest = new LinkedHashMap<>();
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
            ConsentViewStore.Change c = new ConsentViewStore.Change(k.userId(), granted(k.change()), k.change().changedAt());
            latest.merge(k.userId(), c, (old, neu) -> neu.changedAt().isAfter(old.changedAt()) ? neu : old);
            // Not computeIfPresent: the value is null until a change has been read after the unknown one.
            if (unknown.containsKey(k.userId())) {
                Instant after = unknown.get(k.userId());
                unknown.put(k.userId(), after == null || c.changedAt().isAfter(after) ? c.changedAt() : after);
            }
        }
        Set<String> named = new LinkedHashSet<>(erased);
        named.addAll(latest.keySet());
        named.addAll(unknown.keySet());
        if (named.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<ConsentViewStore.Unknown> unknowns = new ArrayList<>(unknown.size());
        unknown.forEach((user, after) -> unknowns.add(new ConsentViewStore.Unknown(user, after)));
        Map<String, ConsentView> views = new LinkedHashMap<>();
        return store.pool().withTransaction(tx -> store.apply(tx, List.copyOf(erased), List.copyOf(latest.values()), unknowns)
                        .chain(() -> listeners.isEmpty() ? Uni.createFrom().voidItem() : store.find(tx, named).chain(found -> {
                            named.forEach(user -> views.put(user, found.get(user)));
                            Uni<Void> all = Uni.createFrom().voidItem();
                            for (ConsentViewListener l : listeners) {
                                all = all.chain(() -> l.applied(tx, Collections.unmodifiableMap(views)));
                            }
                            return all;
                        })))
                .call(() -> afterCommit(Collections.unmodifiableMap(views)))
                .replaceWith(named.size());
    }

    private Uni<Void> afterCommit(Map<String, ConsentView> views) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ConsentViewListener l : listeners) {
            all = all.chain(() -> l.committed(views).onFailure().recoverWithUni(e -> {
                // The view holds the change already: a failure here must not make the batch apply again.
                listenerFailures.increment();
                Log.warnf("consent view: a listener failed after commit (%s); it sweeps again later", e.getClass().getName());
                return Uni.createFrom().voidItem();
            }));
        }
        return all;
    }

    /** The purposes a change grants: the known ones in catalogue order, then any newer ones by name. */
    static List<String> granted(ConsentChanged change) {
        return change.consents().keySet().stream()
                .filter(Objects::nonNull)
                .filter(change::permits)
                .sorted(PURPOSE_ORDER)
                .toList();
    }
}
