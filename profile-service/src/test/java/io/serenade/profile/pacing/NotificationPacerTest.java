package io.serenade.profile.pacing;

import io.serenade.profile.pacing.NotificationPacer.Allowed;
import io.serenade.profile.pacing.NotificationPacer.Decision;
import io.serenade.profile.pacing.NotificationPacer.Outcome;
import io.serenade.profile.pacing.NotificationPacer.Reason;
import io.serenade.profile.pacing.NotificationPacer.Settings;
import io.serenade.profile.pacing.NotificationPacer.Situation;
import io.serenade.profile.pacing.NotificationPacer.Urgency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing rules as plain Java: clocks, time zones, quiet hours across midnight, caps and repeats. */
class NotificationPacerTest {

    private static final Settings DEFAULTS = new Settings(1, 3, LocalTime.of(22, 0), LocalTime.of(8, 0));
    private static final Settings NO_QUIET = new Settings(1, 3, LocalTime.NOON, LocalTime.NOON);
    private static final Duration DAY = Duration.ofHours(24);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Situation consented(ZoneId zone, Settings settings, Allowed... allowed) {
        return new Situation(true, zone, settings, Arrays.asList(allowed), DAY);
    }

    private static Decision decide(Urgency urgency, Situation s, Instant now) {
        return NotificationPacer.decide("new-episode", urgency, s, now);
    }

    @Test
    void withoutConsentEverythingIsDeniedWhateverTheUrgency() {
        Situation none = new Situation(false, ZoneOffset.UTC, DEFAULTS, List.of(), DAY);
        for (Urgency u : Urgency.values()) {
            assertThat(decide(u, none, at("2026-06-10T12:00", ZoneOffset.UTC)))
                    .isEqualTo(new Decision(Outcome.DENY, Reason.NO_CONSENT, null));
        }
    }

    @Test
    void aFirstNotificationAtMiddayIsAllowed() {
        assertThat(decide(Urgency.NORMAL, consented(PARIS, DEFAULTS), at("2026-06-10T12:00", PARIS)))
                .isEqualTo(new Decision(Outcome.ALLOW, Reason.ALLOWED, null));
    }

    @Nested
    class QuietHours {

        @ParameterizedTest(name = "{0} local → {1}")
        @CsvSource({
                "2026-06-10T21:59, ALLOW, ",
                "2026-06-10T22:00, DEFER, 2026-06-11T08:00",
                "2026-06-10T23:30, DEFER, 2026-06-11T08:00",
                "2026-06-11T00:00, DEFER, 2026-06-11T08:00",
                "2026-06-11T03:00, DEFER, 2026-06-11T08:00",
                "2026-06-11T07:59, DEFER, 2026-06-11T08:00",
                "2026-06-11T08:00, ALLOW, "})
        void theDefaultQuietHoursCrossMidnightInTheUsersZone(String local, Outcome outcome, String until) {
            Decision d = decide(Urgency.NORMAL, consented(TOKYO, DEFAULTS), at(local, TOKYO));
            assertThat(d.outcome()).isEqualTo(outcome);
            if (outcome == Outcome.DEFER) {
                assertThat(d.reason()).isEqualTo(Reason.QUIET_HOURS);
                assertThat(d.deferUntil()).isEqualTo(at(until, TOKYO));
            }
        }

        @Test
        void theSameInstantIsQuietInOneZoneAndNotInAnother() {
            Instant now = Instant.parse("2026-06-10T14:00:00Z"); // 23:00 in Tokyo, 10:00 in New York
            assertThat(decide(Urgency.NORMAL, consented(TOKYO, DEFAULTS), now).reason()).isEqualTo(Reason.QUIET_HOURS);
            assertThat(decide(Urgency.NORMAL, consented(NEW_YORK, DEFAULTS), now).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aWindowWithinOneDayWorksToo() {
            Settings siesta = new Settings(1, 3, LocalTime.of(13, 0), LocalTime.of(15, 30));
            assertThat(decide(Urgency.LOW, consented(PARIS, siesta), at("2026-06-10T12:59", PARIS)).outcome()).isEqualTo(Outcome.ALLOW);
            Decision d = decide(Urgency.LOW, consented(PARIS, siesta), at("2026-06-10T14:00", PARIS));
            assertThat(d).isEqualTo(new Decision(Outcome.DEFER, Reason.QUIET_HOURS, at("2026-06-10T15:30", PARIS)));
            assertThat(decide(Urgency.LOW, consented(PARIS, siesta), at("2026-06-10T23:00", PARIS)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void equalStartAndEndMeanNoQuietHours() {
            assertThat(decide(Urgency.LOW, consented(PARIS, NO_QUIET), at("2026-06-10T03:00", PARIS)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void highUrgencyIgnoresQuietHours() {
            assertThat(decide(Urgency.HIGH, consented(PARIS, DEFAULTS), at("2026-06-10T23:30", PARIS)))
                    .isEqualTo(new Decision(Outcome.ALLOW, Reason.ALLOWED, null));
        }

        @Test
        void theQuietEndIsTheLocalTimeEvenAcrossADaylightSavingChange() {
            // Paris moves to summer time at 02:00 on 29 March 2026: that night lasts an hour less.
            Decision d = decide(Urgency.NORMAL, consented(PARIS, DEFAULTS), at("2026-03-28T23:30", PARIS));
            assertThat(d.deferUntil()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
            // New York moves back at 02:00 on 1 November 2026: 08:00 is then UTC-5.
            Decision ny = decide(Urgency.NORMAL, consented(NEW_YORK, DEFAULTS), at("2026-10-31T23:30", NEW_YORK));
            assertThat(ny.deferUntil()).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
        }

        @Test
        void aQuietEndInADaylightSavingGapMovesPastTheGap() {
            Settings endsInGap = new Settings(1, 3, LocalTime.of(22, 0), LocalTime.of(2, 30));
            Decision d = decide(Urgency.NORMAL, consented(PARIS, endsInGap), at("2026-03-28T23:00", PARIS));
            assertThat(d.deferUntil()).isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-29T03:30"), PARIS).toInstant());
        }
    }

    @Nested
    class Caps {

        @Test
        void theDailyCapDefersANormalNotificationToTheNextLocalMorning() {
            Instant now = at("2026-06-10T15:00", KOLKATA);
            Situation s = consented(KOLKATA, DEFAULTS, new Allowed("other", at("2026-06-10T09:00", KOLKATA)));
            // The cap frees at local midnight, inside quiet hours: a NORMAL notification waits for their end.
            assertThat(decide(Urgency.NORMAL, s, now))
                    .isEqualTo(new Decision(Outcome.DEFER, Reason.DAILY_CAP, at("2026-06-11T08:00", KOLKATA)));
            assertThat(decide(Urgency.HIGH, s, now))
                    .isEqualTo(new Decision(Outcome.DEFER, Reason.DAILY_CAP, at("2026-06-11T00:00", KOLKATA)));
            assertThat(decide(Urgency.LOW, s, now)).isEqualTo(new Decision(Outcome.DENY, Reason.DAILY_CAP, null));
        }

        @Test
        void daysAreTheUsersLocalDays() {
            // 23:00 yesterday in New York is the same UTC day as now (15:00 local = 19:00 UTC), yet another local day.
            Situation s = consented(NEW_YORK, DEFAULTS, new Allowed("other", at("2026-06-09T23:00", NEW_YORK)));
            assertThat(decide(Urgency.NORMAL, s, at("2026-06-10T15:00", NEW_YORK)).outcome()).isEqualTo(Outcome.ALLOW);
            // And an earlier UTC day can be the same local day: 00:30 in Tokyo is 15:30 UTC the day before.
            Situation tokyo = consented(TOKYO, DEFAULTS, new Allowed("other", at("2026-06-10T00:30", TOKYO)));
            assertThat(decide(Urgency.NORMAL, tokyo, at("2026-06-10T20:00", TOKYO)).reason()).isEqualTo(Reason.DAILY_CAP);
        }

        @Test
        void aHigherDailyCapLetsMoreThrough() {
            Settings three = new Settings(3, 10, LocalTime.NOON, LocalTime.NOON);
            Situation two = consented(PARIS, three, new Allowed("a", at("2026-06-10T09:00", PARIS)),
                    new Allowed("b", at("2026-06-10T10:00", PARIS)));
            assertThat(decide(Urgency.NORMAL, two, at("2026-06-10T12:00", PARIS)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theWeeklyCapDefersUntilTheOldestNotificationLeavesTheSevenDayWindow() {
            // Allowed on Thu 4, Sun 7 and Tue 9 June; now Wed 10 June: the window is 4–10 June, so it is full.
            Situation s = consented(PARIS, NO_QUIET, new Allowed("a", at("2026-06-04T10:00", PARIS)),
                    new Allowed("b", at("2026-06-07T10:00", PARIS)), new Allowed("c", at("2026-06-09T10:00", PARIS)));
            assertThat(decide(Urgency.NORMAL, s, at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DEFER, Reason.WEEKLY_CAP, at("2026-06-11T00:00", PARIS)));
            assertThat(decide(Urgency.LOW, s, at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DENY, Reason.WEEKLY_CAP, null));
            // On the 11th the 4th has left the window.
            assertThat(decide(Urgency.NORMAL, s, at("2026-06-11T12:00", PARIS)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void whenTheOldestLeavesLaterTheDeferralIsLater() {
            Situation s = consented(PARIS, DEFAULTS, new Allowed("a", at("2026-06-06T10:00", PARIS)),
                    new Allowed("b", at("2026-06-07T10:00", PARIS)), new Allowed("c", at("2026-06-08T10:00", PARIS)));
            // Frees when the 6th leaves: the start of the 13th, in quiet hours, so 08:00 for NORMAL.
            assertThat(decide(Urgency.NORMAL, s, at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DEFER, Reason.WEEKLY_CAP, at("2026-06-13T08:00", PARIS)));
        }

        @Test
        void bothCapsReachedDeferToTheLaterOfTheTwo() {
            Settings twoAWeek = new Settings(1, 2, LocalTime.NOON, LocalTime.NOON);
            Situation s = consented(PARIS, twoAWeek, new Allowed("a", at("2026-06-05T10:00", PARIS)),
                    new Allowed("b", at("2026-06-10T09:00", PARIS)));
            assertThat(decide(Urgency.HIGH, s, at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DEFER, Reason.WEEKLY_CAP, at("2026-06-12T00:00", PARIS)));
        }

        @Test
        void aCapOfZeroNeverFreesSoItDenies() {
            Settings none = new Settings(0, 3, LocalTime.NOON, LocalTime.NOON);
            assertThat(decide(Urgency.HIGH, consented(PARIS, none), at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DENY, Reason.DAILY_CAP, null));
            Settings noneAWeek = new Settings(1, 0, LocalTime.NOON, LocalTime.NOON);
            assertThat(decide(Urgency.NORMAL, consented(PARIS, noneAWeek), at("2026-06-10T12:00", PARIS)))
                    .isEqualTo(new Decision(Outcome.DENY, Reason.WEEKLY_CAP, null));
        }

        @Test
        void aNotificationStampedAheadOfTheClockStillCounts() {
            // Another replica's clock may run a little ahead: its ALLOW must still fill today's cap.
            Situation s = consented(PARIS, NO_QUIET, new Allowed("a", at("2026-06-10T12:00:01", PARIS)));
            assertThat(decide(Urgency.NORMAL, s, at("2026-06-10T12:00", PARIS)).reason()).isEqualTo(Reason.DAILY_CAP);
        }
    }

    @Nested
    class Repeats {

        @Test
        void theSameKindWithinItsWindowIsDeniedEvenWithRoomUnderTheCaps() {
            Settings roomy = new Settings(10, 50, LocalTime.NOON, LocalTime.NOON);
            Instant now = at("2026-06-10T12:00", PARIS);
            Situation recent = consented(PARIS, roomy, new Allowed("new-episode", now.minus(Duration.ofHours(23))));
            assertThat(decide(Urgency.HIGH, recent, now)).isEqualTo(new Decision(Outcome.DENY, Reason.REPEAT_WINDOW, null));
            assertThat(NotificationPacer.decide("reminder", Urgency.NORMAL, recent, now).outcome()).isEqualTo(Outcome.ALLOW);
            Situation older = consented(PARIS, roomy, new Allowed("new-episode", now.minus(Duration.ofHours(25))));
            assertThat(decide(Urgency.NORMAL, older, now).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void eachKindHasItsOwnWindow() {
            Settings roomy = new Settings(10, 50, LocalTime.NOON, LocalTime.NOON);
            Instant now = at("2026-06-10T12:00", PARIS);
            List<Allowed> threeHoursAgo = List.of(new Allowed("new-episode", now.minus(Duration.ofHours(3))));
            Situation shortWindow = new Situation(true, PARIS, roomy, threeHoursAgo, Duration.ofHours(2));
            Situation longWindow = new Situation(true, PARIS, roomy, threeHoursAgo, Duration.ofHours(6));
            assertThat(decide(Urgency.NORMAL, shortWindow, now).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decide(Urgency.NORMAL, longWindow, now).reason()).isEqualTo(Reason.REPEAT_WINDOW);
        }

        @Test
        void aRepeatIsDeniedBeforeCapsAndQuietHoursAreConsidered() {
            Instant now = at("2026-06-10T23:00", PARIS);
            Situation s = consented(PARIS, DEFAULTS, new Allowed("new-episode", now.minus(Duration.ofHours(1))));
            assertThat(decide(Urgency.NORMAL, s, now).reason()).isEqualTo(Reason.REPEAT_WINDOW);
        }
    }

    @Test
    void reasonCodesRoundTrip() {
        for (Reason r : Reason.values()) {
            assertThat(Reason.ofCode(r.code())).isSameAs(r);
            assertThat(r.text()).isNotBlank();
        }
        assertThat(Reason.values()).extracting(Reason::code)
                .containsExactly("no-consent", "repeat-window", "daily-cap", "weekly-cap", "quiet-hours", "allowed");
    }
}
