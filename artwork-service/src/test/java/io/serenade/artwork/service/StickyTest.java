package io.serenade.artwork.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of a sticky choice, including values written before reviews were recorded. */
class StickyTest {

    private static final Instant SHOWN = Instant.ofEpochMilli(1_763_900_000_000L);
    private static final Instant REVIEWED = SHOWN.plusSeconds(3_600);

    @Test
    void aChoiceSurvivesItsStoredForm() {
        ViewerState.Sticky sticky = new ViewerState.Sticky("t-1-a2", SHOWN, 0.8125, REVIEWED);
        assertThat(ViewerState.Sticky.decode(sticky.encode())).isEqualTo(sticky);
    }

    @Test
    void aFreshDrawIsReviewedWhenShownAndAConfirmationMovesOnlyTheReview() {
        ViewerState.Sticky fresh = new ViewerState.Sticky("t-1-a2", SHOWN, 0.5);
        assertThat(fresh.reviewedAt()).isEqualTo(SHOWN);
        assertThat(fresh.reviewed(REVIEWED)).isEqualTo(new ViewerState.Sticky("t-1-a2", SHOWN, 0.5, REVIEWED));
    }

    @Test
    void aValueWrittenBeforeReviewsWereRecordedWasLastReviewedWhenShown() {
        assertThat(ViewerState.Sticky.decode("t-1-a2|" + SHOWN.toEpochMilli() + "|0.05"))
                .isEqualTo(new ViewerState.Sticky("t-1-a2", SHOWN, 0.05, SHOWN));
    }

    @Test
    void aValueThatIsNotAChoiceIsIgnored() {
        assertThat(ViewerState.Sticky.decode("t-1-a2")).isNull();
        assertThat(ViewerState.Sticky.decode("t-1-a2|soon|0.05")).isNull();
        assertThat(ViewerState.Sticky.decode("t-1-a2|1|0.05|later")).isNull();
        assertThat(ViewerState.Sticky.decode("t-1-a2|1|0.05|2|extra")).isNull();
    }
}
