package io.serenade.consent.mapping;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A compacted topic's tombstone is written at once and gone later: the receipt says which, and until when. */
class ErasureMapperTest {

    private static final Instant TOMBSTONED = Instant.parse("2026-12-07T10:15:30.123456Z");

    @Test
    void beforeTheCompactionDeadlineItIsPendingUntilThen() {
        assertThat(ErasureMapper.compaction(TOMBSTONED, TOMBSTONED.plusSeconds(60)))
                .isEqualTo("compaction pending until 2026-12-07T12:15:30Z");
    }

    @Test
    void afterItTheTopicWasCompactedByThen() {
        assertThat(ErasureMapper.compaction(TOMBSTONED, TOMBSTONED.plusSeconds(3 * 3600)))
                .isEqualTo("compacted by 2026-12-07T12:15:30Z");
    }
}
