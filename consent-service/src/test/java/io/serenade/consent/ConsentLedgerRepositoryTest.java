package io.serenade.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.serenade.consent.mapping.ConsentMapper;
import io.serenade.consent.model.ConsentRecord;
import io.serenade.consent.repository.ConsentLedgerRepository;
import io.serenade.events.ConsentState;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger repository against the real PostgreSQL test database. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ConsentLedgerRepositoryTest {

    private final ConsentLedgerRepository ledger;
    private final Pool pool;

    ConsentLedgerRepositoryTest(ConsentLedgerRepository ledger, Pool pool) {
        this.ledger = ledger;
        this.pool = pool;
    }

    @Test
    @RunOnVertxContext
    void theCurrentStateIsTheLatestRowOfEachPurpose(UniAsserter asserter) {
        String user = Consents.user();
        asserter.execute(() -> Panache.withTransaction(() -> ledger.persist(List.of(
                row(user, "personalization", ConsentState.GRANTED),
                row(user, "notifications", ConsentState.DENIED),
                row(user, "personalization", ConsentState.WITHDRAWN),
                row(Consents.user(), "personalization", ConsentState.GRANTED)))));

        asserter.assertThat(() -> ledger.current(user), rows -> assertThat(rows)
                .extracting(r -> r.purpose + "=" + r.state)
                .containsExactlyInAnyOrder("personalization=WITHDRAWN", "notifications=DENIED"));
        asserter.assertThat(() -> ledger.countForUser(user), n -> assertThat(n).isEqualTo(3));
        asserter.assertThat(() -> ledger.page(user, 0, 2), rows -> assertThat(rows)
                .extracting(r -> r.state).containsExactly("WITHDRAWN", "DENIED"));
        asserter.assertThat(() -> ledger.current(Consents.user()), rows -> assertThat(rows).isEmpty());
    }

    @Test
    @RunOnVertxContext
    void theDatabaseRejectsUpdatesOfTheLedger(UniAsserter asserter) {
        String user = Consents.user();
        asserter.execute(() -> Panache.withTransaction(() -> ledger.persist(row(user, "personalization", ConsentState.DENIED))));
        asserter.assertFailedWith(() -> pool.preparedQuery("UPDATE consent_ledger SET state = 'GRANTED' WHERE user_id = $1")
                        .execute(Tuple.of(user)),
                e -> assertThat(e).hasMessageContaining("append-only"));
        asserter.assertThat(() -> ledger.current(user), rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.state).isEqualTo("DENIED")));
    }

    @Test
    @RunOnVertxContext
    void theDatabaseRejectsUnknownStates(UniAsserter asserter) {
        asserter.assertFailedWith(() -> pool.preparedQuery("""
                        INSERT INTO consent_ledger (user_id, purpose, state, policy_version, source) VALUES ($1, 'personalization', 'MAYBE', 'v', 'api')""")
                        .execute(Tuple.of(Consents.user())),
                e -> assertThat(e).hasMessageContaining("check"));
    }

    private static ConsentRecord row(String user, String purpose, ConsentState state) {
        return ConsentMapper.record(user, purpose, state, "2026-11", "api", Instant.now());
    }
}
