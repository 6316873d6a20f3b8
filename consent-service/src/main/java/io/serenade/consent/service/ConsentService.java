package io.serenade.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.serenade.consent.api.ConsentUpdate;
import io.serenade.consent.api.ConsentView;
import io.serenade.consent.api.HistoryPage;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.mapping.ConsentMapper;
import io.serenade.consent.messaging.ConsentPublisher;
import io.serenade.consent.model.ConsentRecord;
import io.serenade.consent.repository.ConsentLedgerRepository;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.Purposes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Users' consent per purpose, kept as an append-only ledger and published as ConsentChanged events. */
@ApplicationScoped
public class ConsentService {

    private final ConsentLedgerRepository ledger;
    private final ConsentPublisher publisher;
    private final ConsentConfig config;

    public ConsentService(ConsentLedgerRepository ledger, ConsentPublisher publisher, ConsentConfig config) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
    }

    /** The user's current answer for every purpose; a user never seen has every purpose NOT_SET. */
    public Uni<ConsentView> view(String userId) {
        return ledger.current(userId).map(rows -> ConsentMapper.toView(userId, config.policyVersion(), byPurpose(rows)));
    }

    /**
     * Appends a row for each purpose whose answer changes and publishes the user's whole new state, all or
     * nothing: the transaction commits only after the broker acknowledged the event. Publishing after the commit
     * instead could leave, after a Kafka failure, a withdrawal in the ledger that no service ever hears of; this
     * way a failure leaves neither, and the caller retries. A purpose re-confirmed under a newer policy version
     * counts as a change: it is new evidence of consent. An update that changes nothing appends and publishes nothing.
     */
    @WithTransaction
    public Uni<ConsentView> change(String userId, ConsentUpdate update) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision: the view shows what is stored
        return ledger.lockUser(userId)
                .chain(() -> ledger.current(userId))
                .chain(rows -> {
                    Map<String, ConsentRecord> latest = byPurpose(rows);
                    List<ConsentRecord> appended = new ArrayList<>();
                    for (String purpose : Purposes.ALL) {
                        ConsentState wanted = update.consents().get(purpose);
                        ConsentRecord current = latest.get(purpose);
                        if (wanted == null || (current != null && current.state.equals(wanted.name())
                                && current.policyVersion.equals(config.policyVersion()))) {
                            continue;
                        }
                        ConsentRecord row = ConsentMapper.record(userId, purpose, wanted, config.policyVersion(),
                                update.sourceOrDefault(), now);
                        appended.add(row);
                        latest.put(purpose, row);
                    }
                    ConsentView view = ConsentMapper.toView(userId, config.policyVersion(), latest);
                    if (appended.isEmpty()) {
                        return Uni.createFrom().item(view);
                    }
                    ConsentChanged event = new ConsentChanged(ConsentChanged.VERSION, userId, ConsentMapper.toStates(latest),
                            appended.stream().map(r -> r.purpose).collect(Collectors.joining(",")),
                            config.policyVersion(), update.sourceOrDefault(), now);
                    return ledger.persist(appended)
                            .chain(ledger::flush)
                            .chain(() -> publisher.publish(event)
                                    .onFailure().transform(e -> {
                                        // No user id and no message at WARN: both can carry personal data; the kind is enough.
                                        Log.warnf("consent change rolled back, event not published: %s", e.getClass().getName());
                                        return new ConsentNotRecordedException(e);
                                    }))
                            .replaceWith(view);
                });
    }

    /** A page of the user's ledger, newest first. */
    public Uni<HistoryPage> history(String userId, int page, int size) {
        return ledger.page(userId, page, size)
                .chain(rows -> ledger.countForUser(userId)
                        .map(total -> new HistoryPage(rows.stream().map(ConsentMapper::toEntry).toList(), page, size, total)));
    }

    private static Map<String, ConsentRecord> byPurpose(List<ConsentRecord> rows) {
        Map<String, ConsentRecord> map = new HashMap<>();
        rows.forEach(r -> map.put(r.purpose, r));
        return map;
    }
}
