package io.serenade.kit.testing;

import io.quarkus.arc.Arc;
import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.kit.consent.ConsentView;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.kit.consent.ConsentViewUpdater;
import io.serenade.kit.consent.ConsentViewUpdater.Keyed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.serenade.kit.testing.ServiceTokens.asConsent;
import static io.serenade.kit.testing.ServiceTokens.asGateway;
import static io.serenade.kit.testing.ServiceTokens.asOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The consent view every service that keeps one gets from the kit, tried in that service (its database, its topic
 * on the real broker): a service's test extends this and names its consent topic. Newest change wins, a replay never
 * undoes a withdrawal, a tombstone forgets, an unknown change clears the grants, a failing batch is retried without
 * stopping the channel, and the operator's route answers with exact statuses.
 */
public abstract class ConsentViewContract {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    /** The service's test consent topic (compacted). */
    protected abstract String consentTopic();

    /** The user's consent as consent-service publishes it: the listed purposes granted, everything else absent. */
    public static ConsentChanged consent(String user, Instant changedAt, String... granted) {
        return new ConsentChanged(0, user, Arrays.stream(granted).collect(Collectors.toMap(Function.identity(), p -> ConsentState.GRANTED)),
                granted.length == 0 ? null : granted[0], "2026-01", "api", changedAt);
    }

    @Test
    void aChangeReachesTheViewAndAWithdrawalReplacesTheGrant() {
        String user = "cv-" + UUID.randomUUID();
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestBroker.send(consentTopic(), user, consent(user, granted, "personalization", "search-history"));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("userId", equalTo(user))
                .body("purposes", contains("personalization", "search-history"))
                .body("changedAt", equalTo(granted.toString()))
                .body("appliedAt", notNullValue()));

        Instant withdrawn = granted.plusSeconds(1);
        TestBroker.send(consentTopic(), user, new ConsentChanged(0, user,
                Map.of("personalization", ConsentState.WITHDRAWN, "search-history", ConsentState.GRANTED),
                "personalization", "2026-01", "api", withdrawn));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                .body("purposes", contains("search-history"))
                .body("changedAt", equalTo(withdrawn.toString())));
    }

    @Test
    void aChangeThatCannotBeReadOrOrderedClearsTheGrantsForItMayHaveBeenAWithdrawal() {
        String unreadable = "cv-" + UUID.randomUUID(), undated = "cv-" + UUID.randomUUID();
        Instant granted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestBroker.send(consentTopic(), unreadable, consent(unreadable, granted, "personalization"));
        TestBroker.send(consentTopic(), undated, consent(undated, granted, "personalization"));
        for (String user : List.of(unreadable, undated)) {
            await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", contains("personalization")));
        }

        TestBroker.sendRaw(consentTopic(), unreadable, "{not json".getBytes(StandardCharsets.UTF_8));
        TestBroker.send(consentTopic(), undated, new ConsentChanged(0, undated,
                Map.of("personalization", ConsentState.WITHDRAWN), "personalization", "2026-01", "api", null));

        for (String user : List.of(unreadable, undated)) {
            await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200)
                    .body("purposes", empty())
                    .body("changedAt", equalTo(granted.toString())));
        }
        // The stored changedAt is kept: the grant replayed stays stale, the user's next change applies.
        TestBroker.send(consentTopic(), unreadable, consent(unreadable, granted, "personalization"),
                consent(unreadable, granted.plusSeconds(1), "search-history"));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", unreadable).then().statusCode(200)
                .body("purposes", contains("search-history")));
    }

    @Test
    void onlyANewerChangeAppliesAndAReplayNeverUndoesAWithdrawal() {
        ConsentViewUpdater updater = Arc.container().instance(ConsentViewUpdater.class).get();
        String user = "cv-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        apply(updater, new Keyed(user, consent(user, t0, "personalization", "notifications")));
        apply(updater, new Keyed(user, consent(user, t0.plusSeconds(60), "notifications")));
        assertThat(view(user).purposes()).containsExactly("notifications");

        apply(updater, new Keyed(user, consent(user, t0.plusSeconds(30), "personalization")));
        apply(updater, new Keyed(user, consent(user, t0.plusSeconds(60), "personalization")));
        assertThat(view(user).purposes()).as("an older change, replayed late, and the same time redelivered").containsExactly("notifications");
        assertThat(view(user).changedAt()).isEqualTo(t0.plusSeconds(60));

        // In one batch the newest wins whatever the order; a tombstone in it drops what came before it.
        apply(updater, new Keyed(user, consent(user, t0.plusSeconds(90), "search-history")),
                new Keyed(user, consent(user, t0.plusSeconds(80), "personalization")));
        assertThat(view(user).purposes()).containsExactly("search-history");
        apply(updater, new Keyed(user, consent(user, t0.plusSeconds(100), "personalization")), new Keyed(user, null));
        assertThat(view(user)).as("erased").isNull();

        // An unreadable record followed in its batch by a readable change: the change holds. Followed by an older
        // replay instead: the grants are cleared, and changedAt stays for the next change to apply over.
        String later = "cv-" + UUID.randomUUID(), cleared = "cv-" + UUID.randomUUID();
        apply(updater, new Keyed(later, consent(later, t0, "notifications")), new Keyed(cleared, consent(cleared, t0.plusSeconds(60), "notifications")));
        apply(updater, Keyed.unreadable(later), new Keyed(later, consent(later, t0.plusSeconds(5), "personalization")),
                Keyed.unreadable(cleared), new Keyed(cleared, consent(cleared, t0, "notifications")));
        assertThat(view(later).purposes()).containsExactly("personalization");
        assertThat(view(cleared).purposes()).isEmpty();
        assertThat(view(cleared).changedAt()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void aFailingBatchIsRetriedNotSkippedAndTheChannelKeepsGoing() {
        Pool pool = Arc.container().instance(Pool.class).get();
        String user = "cv-" + UUID.randomUUID(), next = "cv-" + UUID.randomUUID();
        // A transient database failure, for this user's row only, until the trigger is dropped. Each attempt counts
        // itself on a sequence, which (unlike a row) survives the attempt's rollback.
        dropFailingTrigger(pool);
        run(pool, "CREATE SEQUENCE test_fail_consent_view_calls");
        run(pool, """
                CREATE FUNCTION test_fail_consent_view() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM nextval('test_fail_consent_view_calls'); RAISE EXCEPTION 'test: transient failure'; END $$""");
        run(pool, """
                CREATE TRIGGER test_fail_consent_view BEFORE INSERT OR UPDATE ON consent_view FOR EACH ROW
                WHEN (NEW.user_id = '%s') EXECUTE FUNCTION test_fail_consent_view()""".formatted(user));
        try {
            TestBroker.send(consentTopic(), user, consent(user, Instant.now(), "notifications"));
            // Attempted again after failing: without retries the channel would have stopped at the first failure.
            await().atMost(WAIT).until(() -> attempts(pool) >= 2);
        } finally {
            dropFailingTrigger(pool);
        }
        TestBroker.send(consentTopic(), next, consent(next, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> {
            asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200).body("purposes", contains("notifications"));
            asOperator().get("/internal/consent-view/{u}", next).then().statusCode(200);
        });
    }

    private static long attempts(Pool pool) {
        Row row = pool.query("SELECT last_value, is_called FROM test_fail_consent_view_calls").execute()
                .await().atMost(WAIT).iterator().next();
        return row.getBoolean("is_called") ? row.getLong("last_value") : 0;
    }

    private static void dropFailingTrigger(Pool pool) {
        run(pool, "DROP TRIGGER IF EXISTS test_fail_consent_view ON consent_view");
        run(pool, "DROP FUNCTION IF EXISTS test_fail_consent_view()");
        run(pool, "DROP SEQUENCE IF EXISTS test_fail_consent_view_calls");
    }

    private static void run(Pool pool, String sql) {
        pool.query(sql).execute().await().atMost(WAIT);
    }

    @Test
    void aTombstoneDropsTheView() {
        String user = "cv-" + UUID.randomUUID();
        TestBroker.send(consentTopic(), user, consent(user, Instant.now(), "personalization"));
        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(200));

        TestBroker.send(consentTopic(), user, (Object) null);

        await().atMost(WAIT).untilAsserted(() -> asOperator().get("/internal/consent-view/{u}", user).then().statusCode(404)
                .contentType("application/problem+json"));
    }

    @Test
    void anUnknownUserIs404ABadIdIs400AndOnlyTheOperatorMayAsk() {
        asOperator().get("/internal/consent-view/{u}", "nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        for (String bad : new String[] {"u".repeat(65), "bad!id", "a b"}) {
            asOperator().get("/internal/consent-view/{u}", bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("userId"));
        }
        asGateway().get("/internal/consent-view/{u}", "anyone").then().statusCode(403);
        asConsent().get("/internal/consent-view/{u}", "anyone").then().statusCode(403);
    }

    private static void apply(ConsentViewUpdater updater, Keyed... batch) {
        updater.apply(List.of(batch)).await().atMost(WAIT);
    }

    private static ConsentView view(String user) {
        return Arc.container().instance(ConsentViewStore.class).get().find(user).await().atMost(WAIT);
    }
}
