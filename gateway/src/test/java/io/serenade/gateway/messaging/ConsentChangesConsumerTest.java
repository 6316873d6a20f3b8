package io.serenade.gateway.messaging;

import io.serenade.events.ConsentChanged;
import io.serenade.events.ConsentState;
import io.serenade.events.GrantedPurposes;
import io.serenade.gateway.repository.ConsentCache;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A record of the consent topic → the cache change it makes. */
class ConsentChangesConsumerTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aValueIsTheUsersWholeStateAndOnlyGrantedCounts() {
        ConsentChanged value = new ConsentChanged(1, "u-1", Map.of("personalization", ConsentState.GRANTED,
                "search-history", ConsentState.WITHDRAWN, "experimentation", ConsentState.DENIED), "search-history", "v", "s", AT);
        assertThat(ConsentChangesConsumer.change("u-1", value))
                .isEqualTo(new ConsentCache.Change("u-1", new GrantedPurposes(Set.of("personalization")), AT));
    }

    @Test
    void aTombstoneAnUnreadableValueOrAValueForAnotherUserDropsTheEntry() {
        ConsentCache.Change drop = new ConsentCache.Change("u-1", null, null);
        assertThat(ConsentChangesConsumer.change("u-1", null)).isEqualTo(drop);
        assertThat(ConsentChangesConsumer.change("u-1", new ConsentChanged(1, "u-2", Map.of("personalization", ConsentState.GRANTED),
                "personalization", "v", "s", AT))).isEqualTo(drop);
        assertThat(ConsentChangesConsumer.change("u-1", new ConsentChanged(1, "u-1", Map.of(), "x", "v", "s", null))).isEqualTo(drop);
        assertThat(ConsentChangesConsumer.change(null, null)).isNull();
    }
}
