package io.serenade.gateway.service;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.client.Calls;
import io.serenade.gateway.client.ConsentClient;
import io.serenade.gateway.client.DownstreamFailure;
import io.serenade.gateway.client.DownstreamRejection;
import io.serenade.gateway.repository.ConsentCache;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * consent-service's view → the purposes sent on as granted: only GRANTED counts, and anything odd grants nothing;
 * the cache answers first, and a miss is filled from consent-service's view with the view's newest change time.
 */
class ConsentLookupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "u-1";

    @Test
    void onlyGrantedPurposesAreGranted() {
        GrantedPurposes granted = ConsentLookup.granted(USER, view("""
                {"purpose": "personalization", "state": "GRANTED", "policyVersion": "2025-01", "updatedAt": "2025-03-01T10:00:00Z"},
                {"purpose": "artwork-personalization", "state": "WITHDRAWN", "policyVersion": "2025-01"},
                {"purpose": "search-history", "state": "GRANTED", "policyVersion": "2024-06"},
                {"purpose": "experimentation", "state": "DENIED", "policyVersion": "2025-01"},
                {"purpose": "notifications", "state": "NOT_SET"},
                {"purpose": "assistant-context", "state": "granted"}"""));
        assertThat(granted.purposes()).containsExactlyInAnyOrder("personalization", "search-history");
        assertThat(granted.header()).isEqualTo("personalization,search-history");
    }

    @Test
    void deniedWithdrawnAndNeverAnsweredGrantNothing() {
        assertThat(ConsentLookup.granted(USER, view("""
                {"purpose": "personalization", "state": "DENIED"},
                {"purpose": "search-history", "state": "WITHDRAWN"},
                {"purpose": "experimentation", "state": "NOT_SET"}""")))
                .isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void unknownPurposesAndStatesGrantNothing() {
        assertThat(ConsentLookup.granted(USER, view("""
                {"purpose": "sell-to-advertisers", "state": "GRANTED"},
                {"purpose": "personalization", "state": "MAYBE"},
                {"purpose": "search-history", "state": null},
                {"purpose": "experimentation"},
                {"purpose": 7, "state": "GRANTED"},
                {"state": "GRANTED"},
                "notifications",
                null""")))
                .isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void aPurposeListedTwiceIsGrantedOnlyIfEveryEntryGrantsIt() {
        assertThat(ConsentLookup.granted(USER, view("""
                {"purpose": "personalization", "state": "GRANTED"},
                {"purpose": "personalization", "state": "WITHDRAWN"},
                {"purpose": "search-history", "state": "GRANTED"},
                {"purpose": "search-history", "state": "GRANTED"}""")).purposes())
                .containsExactly("search-history");
    }

    @Test
    void aViewNotShapedAsExpectedGrantsNothing() throws Exception {
        for (String body : new String[]{"null", "[]", "\"GRANTED\"", "{}", "{\"userId\": \"u-1\"}",
                "{\"userId\": \"u-1\", \"purposes\": {\"personalization\": \"GRANTED\"}}",
                "{\"purposes\": [{\"purpose\": \"personalization\", \"state\": \"GRANTED\"}]}",
                "{\"userId\": 1, \"purposes\": [{\"purpose\": \"personalization\", \"state\": \"GRANTED\"}]}"}) {
            assertThat(ConsentLookup.granted(USER, JSON.readTree(body))).as(body).isEqualTo(GrantedPurposes.NONE);
        }
        assertThat(ConsentLookup.granted(USER, null)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void anotherUsersViewGrantsNothing() throws Exception {
        JsonNode someoneElse = JSON.readTree("""
                {"userId": "u-2", "purposes": [{"purpose": "personalization", "state": "GRANTED"}]}""");
        assertThat(ConsentLookup.granted(USER, someoneElse)).isEqualTo(GrantedPurposes.NONE);
    }

    @Test
    void anAnswerThatIsNotJsonOrNoAnswerGrantsNothing() {
        // The REST client fails on a body it cannot parse; the lookup turns that, like any failure, into NONE.
        for (Throwable failure : new Throwable[]{new JsonParseException(null, "Unexpected character ('<')"),
                new DownstreamFailure("consent", 500), new DownstreamRejection(404, "{}"), new TimeoutException("late")}) {
            FakeCache cache = new FakeCache(null);
            ConsentLookup lookup = new ConsentLookup(answering(Uni.createFrom().failure(failure)), cache);
            assertThat(lookup.granted(USER).await().indefinitely()).as(failure.toString()).isEqualTo(GrantedPurposes.NONE);
            assertThat(cache.puts).as("a failure is not cached").isEmpty();
        }
    }

    @Test
    void aGoodAnswerGoesThroughTheLookupAndFillsTheCacheWithItsNewestChange() {
        FakeCache cache = new FakeCache(null);
        ConsentLookup lookup = new ConsentLookup(answering(Uni.createFrom().item(view("""
                {"purpose": "personalization", "state": "GRANTED", "updatedAt": "2025-03-01T10:00:00.123456Z"},
                {"purpose": "search-history", "state": "WITHDRAWN", "updatedAt": "2025-03-02T10:00:00Z"},
                {"purpose": "notifications", "state": "NOT_SET"}"""))), cache);
        assertThat(lookup.granted(USER).await().indefinitely()).isEqualTo(new GrantedPurposes(Set.of("personalization")));
        assertThat(cache.puts).containsExactly(new ConsentCache.Change(USER, new GrantedPurposes(Set.of("personalization")),
                Instant.parse("2025-03-02T10:00:00Z")));
    }

    @Test
    void aCachedAnswerIsUsedWithoutAskingConsentService() {
        GrantedPurposes cached = new GrantedPurposes(Set.of("assistant-context"));
        ConsentLookup lookup = new ConsentLookup(answering(Uni.createFrom().failure(new AssertionError("not asked"))),
                new FakeCache(cached));
        assertThat(lookup.granted(USER).await().indefinitely()).isEqualTo(cached);
    }

    @Test
    void aUserWhoNeverAnsweredIsCachedAsOfTheEpochSoAnyTopicChangeWins() {
        FakeCache cache = new FakeCache(null);
        ConsentLookup lookup = new ConsentLookup(answering(Uni.createFrom().item(view("""
                {"purpose": "personalization", "state": "NOT_SET"}"""))), cache);
        assertThat(lookup.granted(USER).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(cache.puts).containsExactly(new ConsentCache.Change(USER, GrantedPurposes.NONE, Instant.EPOCH));
    }

    @Test
    void whenRedisFailsConsentServiceIsAskedAndAnUnexpectedViewIsNotCached() {
        FakeCache broken = new FakeCache(null) {
            @Override
            public Uni<GrantedPurposes> find(String userId) {
                return Uni.createFrom().failure(new IllegalStateException("redis down"));
            }
        };
        ConsentLookup lookup = new ConsentLookup(answering(Uni.createFrom().item(view("""
                {"purpose": "personalization", "state": "GRANTED"}"""))), broken);
        assertThat(lookup.granted(USER).await().indefinitely().purposes()).containsExactly("personalization");

        FakeCache cache = new FakeCache(null);
        ConsentLookup odd = new ConsentLookup(answering(Uni.createFrom().item(JSON.createObjectNode())), cache);
        assertThat(odd.granted(USER).await().indefinitely()).isEqualTo(GrantedPurposes.NONE);
        assertThat(cache.puts).isEmpty();
    }

    /** Holds one answer for every user and records the writes. */
    static class FakeCache extends ConsentCache {
        final List<ConsentCache.Change> puts = new ArrayList<>();
        private final GrantedPurposes held;

        FakeCache(GrantedPurposes held) {
            super(null, "t:", Duration.ofHours(1), Duration.ofMinutes(5), Clock.systemUTC(),
                    new Pseudonyms("k".repeat(32), Optional.empty(), false), Duration.ofMillis(250));
            this.held = held;
        }

        @Override
        public Uni<GrantedPurposes> find(String userId) {
            return Uni.createFrom().item(held);
        }

        @Override
        public Uni<Boolean> putIfNewer(String userId, GrantedPurposes granted, Instant changedAt) {
            puts.add(new ConsentCache.Change(userId, granted, changedAt));
            return Uni.createFrom().item(true);
        }
    }

    private static JsonNode view(String purposes) {
        try {
            return JSON.readTree("{\"userId\": \"" + USER + "\", \"policyVersion\": \"2025-01\", \"purposes\": [" + purposes + "]}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ConsentClient answering(Uni<JsonNode> answer) {
        return new ConsentClient(null, new Calls(null) {
            @Override
            public Guard guard(String kind) {
                return null;
            }
        }) {
            @Override
            public Uni<JsonNode> currentConsents(String userId) {
                return answer;
            }
        };
    }
}
