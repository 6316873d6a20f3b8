package io.serenade.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.serenade.consent.model.ConsentRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The consent ledger. Append and read only: there is deliberately no update or delete here. */
@ApplicationScoped
@WithSession
public class ConsentLedgerRepository implements PanacheRepositoryBase<ConsentRecord, Long> {

    /**
     * Serialises the writers of one user's consents until the transaction ends. Without it two concurrent
     * changes could both be computed against the same "current" state, and append or publish out of order.
     */
    public Uni<Void> lockUser(String userId) {
        return getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtextextended(:userId, 0))")
                .setParameter("userId", userId).getSingleResult()).replaceWithVoid();
    }

    /** The latest row of each purpose the user has ever answered: their current state. */
    public Uni<List<ConsentRecord>> current(String userId) {
        return list("""
                from ConsentRecord c where c.userId = ?1
                 and c.id = (select max(r.id) from ConsentRecord r where r.userId = ?1 and r.purpose = c.purpose)""", userId);
    }

    /** A page of the user's ledger, newest first. */
    public Uni<List<ConsentRecord>> page(String userId, int pageIndex, int pageSize) {
        return find("userId", Sort.descending("id"), userId).page(Page.of(pageIndex, pageSize)).list();
    }

    public Uni<Long> countForUser(String userId) {
        return count("userId", userId);
    }
}
