package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.repository.ConsentCache;
import io.serenade.kit.identity.Pseudonyms;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redis that hangs (stopped, not refusing) must cost a request only its cache: the consent lookup gives up after the
 * timeout and asks consent-service; nothing waits for an answer that never comes.
 */
class HungRedisTest {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms("k".repeat(32), Optional.empty(), false);

    /** Answers nothing, ever, as a redis-server under SIGSTOP. */
    private static final Redis HUNG = new Redis((io.vertx.redis.client.Redis) null) {
        @Override
        public Uni<Response> send(Request command) {
            return Uni.createFrom().nothing();
        }

        @Override
        public Uni<List<Response>> batch(List<Request> commands) {
            return Uni.createFrom().nothing();
        }
    };

    @Test
    void aLookupGivesUpOnTheCacheAndAsksConsentService() throws Exception {
        ConsentCache cache = new ConsentCache(HUNG, "t:", Duration.ofHours(1), Duration.ofMinutes(5), Clock.systemUTC(),
                PSEUDONYMS, TIMEOUT);
        assertThatThrownBy(() -> cache.find("u-1").await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(TimeoutException.class);

        ConsentLookup lookup = new ConsentLookup(ConsentLookupTest.answering(Uni.createFrom().item(new ObjectMapper().readTree("""
                {"userId": "u-1", "purposes": [{"purpose": "personalization", "state": "GRANTED", "updatedAt": "2026-01-01T00:00:00Z"}]}"""))),
                cache);
        GrantedPurposes granted = lookup.granted("u-1").await().atMost(Duration.ofSeconds(5));
        assertThat(granted.allows("personalization")).as("consent-service's answer, the cache's write given up").isTrue();
    }
}
