package io.serenade.consent.service;

import io.quarkus.logging.Log;
import io.serenade.consent.api.TransparencyView;
import io.serenade.consent.client.UserDataClients;
import io.serenade.consent.mapping.Iso;
import io.serenade.consent.repository.ConsentLedgerRepository;
import io.serenade.consent.repository.DataUseRepository;
import io.serenade.consent.repository.Holdings;
import io.serenade.events.DataCategories;
import io.serenade.events.Services;
import io.serenade.events.userdata.UserDataSummary.Holding;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The transparency view: asks every service that holds personal data what it holds for the user (counts and
 * dates only) and adds consent-service's own holdings. A service that fails to answer is listed as unavailable
 * instead of failing the view: the user still sees everything the others hold.
 */
@ApplicationScoped
public class TransparencyService {

    private final UserDataClients clients;
    private final ConsentLedgerRepository ledger;
    private final DataUseRepository dataUse;
    private final PurposeCatalogue catalogue;

    public TransparencyService(UserDataClients clients, ConsentLedgerRepository ledger, DataUseRepository dataUse,
                               PurposeCatalogue catalogue) {
        this.clients = clients;
        this.ledger = ledger;
        this.dataUse = dataUse;
        this.catalogue = catalogue;
    }

    /** One service's holdings; null holdings when the service did not answer. */
    private record Answer(String service, List<Holding> holdings) {
    }

    public Uni<TransparencyView> view(String userId) {
        List<Uni<Answer>> answers = new ArrayList<>();
        clients.holders().forEach(h -> answers.add(h.summary().apply(userId)
                .map(summary -> new Answer(h.service(), summary == null ? List.of() : summary.holdings()))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("transparency: %s did not answer (%s)", h.service(), e.getClass().getSimpleName());
                    return new Answer(h.service(), null);
                })));
        answers.add(Uni.combine().all().unis(ledger.holdings(userId), dataUse.holdings(userId))
                .with((consents, uses) -> new Answer(Services.CONSENT, List.of(
                        holding(DataCategories.CONSENTS, "postgresql:consent_ledger", consents),
                        holding(DataCategories.DATA_USE_LOG, "postgresql:data_use", uses)))));
        return Uni.join().all(answers).andFailFast().map(all -> assemble(userId, all));
    }

    private TransparencyView assemble(String userId, List<Answer> answers) {
        List<TransparencyView.CategoryHeld> categories = DataCategories.ALL.stream().map(category -> {
            List<TransparencyView.HeldBy> heldBy = new ArrayList<>();
            long count = 0;
            Instant oldest = null;
            Instant newest = null;
            for (Answer a : answers) {
                if (a.holdings() == null) {
                    continue;
                }
                for (Holding h : a.holdings()) {
                    // A service reports categories by name; one this version does not know, or a count of nothing,
                    // is not shown. The service name is ours, not the one in its answer.
                    if (h == null || !category.equals(h.category()) || h.count() <= 0) {
                        continue;
                    }
                    heldBy.add(new TransparencyView.HeldBy(a.service(), h.store(), h.count()));
                    count += h.count();
                    oldest = earlier(oldest, h.oldest());
                    newest = later(newest, h.newest());
                }
            }
            return new TransparencyView.CategoryHeld(category, catalogue.describe(category), count, oldest, newest,
                    catalogue.purposesUsing(category), Iso.duration(catalogue.retentionOf(category)), heldBy);
        }).toList();
        List<String> unavailable = answers.stream().filter(a -> a.holdings() == null).map(Answer::service).toList();
        return new TransparencyView(userId, Instant.now().truncatedTo(ChronoUnit.MILLIS), categories, unavailable);
    }

    private static Holding holding(String category, String store, Holdings h) {
        return new Holding(category, store, h.count(), h.oldest(), h.newest());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
