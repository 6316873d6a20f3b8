package io.serenade.profile.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The notification pacing rules, as plain Java so they can be tested over time zones and clocks without a
 * database: given what is known about a user at {@code now}, whether a notification of a kind may go out.
 * <p>
 * In order: no {@code notifications} consent → DENY; the same kind allowed within its repeat window → DENY;
 * a daily or weekly cap reached → DEFER until the cap frees (LOW urgency: DENY, since a low-value message
 * that late is noise; a cap of zero: DENY, it never frees); inside quiet hours → DEFER until they end (HIGH
 * ignores quiet hours, not caps); otherwise ALLOW. Days are the user's local days; the week is the current
 * local day and the six before it. Only ALLOWed decisions count towards caps and repeats.
 */
public final class NotificationPacer {

    /** Days in the rolling weekly window: today and the six local days before it. */
    static final int WEEK_DAYS = 7;

    private NotificationPacer() {
    }

    public enum Urgency { LOW, NORMAL, HIGH }

    public enum Outcome { ALLOW, DEFER, DENY }

    /** Why a decision was made: a stable code for programs, a sentence for people. */
    public enum Reason {
        NO_CONSENT("no-consent", "The user has not granted the notifications purpose."),
        REPEAT_WINDOW("repeat-window", "A notification of this kind was already allowed within its repeat window."),
        DAILY_CAP("daily-cap", "The user's daily notification cap is reached."),
        WEEKLY_CAP("weekly-cap", "The user's weekly notification cap is reached."),
        QUIET_HOURS("quiet-hours", "It is within the user's quiet hours in their time zone."),
        ALLOWED("allowed", "Within the user's caps and outside their quiet hours.");

        private final String code;
        private final String text;

        Reason(String code, String text) {
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public String text() {
            return text;
        }

        public static Reason ofCode(String code) {
            for (Reason r : values()) {
                if (r.code.equals(code)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown reason code " + code);
        }
    }

    /** Caps per local day and per week, and quiet hours (start == end: none; start after end: across midnight). */
    public record Settings(int perDay, int perWeek, LocalTime quietStart, LocalTime quietEnd) {
        public Settings {
            Objects.requireNonNull(quietStart);
            Objects.requireNonNull(quietEnd);
        }
    }

    /** A notification allowed earlier. */
    public record Allowed(String kind, Instant at) {
    }

    /**
     * What is known about the user: consent from this service's own view, the profile's time zone, their
     * settings, and the notifications allowed recently (at least the last eight days and the kind's window).
     */
    public record Situation(boolean consented, ZoneId zone, Settings settings, List<Allowed> allowed,
                            Duration repeatWindow) {
        public Situation {
            allowed = List.copyOf(allowed);
        }
    }

    /** @param deferUntil when the caller may ask again; only for DEFER */
    public record Decision(Outcome outcome, Reason reason, Instant deferUntil) {
        static Decision allow() {
            return new Decision(Outcome.ALLOW, Reason.ALLOWED, null);
        }

        static Decision deny(Reason reason) {
            return new Decision(Outcome.DENY, reason, null);
        }

        static Decision defer(Reason reason, Instant until) {
            return new Decision(Outcome.DEFER, reason, until);
        }
    }

    public static Decision decide(String kind, Urgency urgency, Situation s, Instant now) {
        if (!s.consented()) {
            return Decision.deny(Reason.NO_CONSENT);
        }
        // Every allowed notification counts, even one stamped after now: another replica's clock may run ahead,
        // and ignoring it would let two notifications through.
        List<Allowed> past = s.allowed();
        Instant repeatFrom = now.minus(s.repeatWindow());
        if (past.stream().anyMatch(a -> a.kind().equals(kind) && a.at().isAfter(repeatFrom))) {
            return Decision.deny(Reason.REPEAT_WINDOW);
        }

        ZoneId zone = s.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant dayStart = startOf(today, zone);
        Instant weekStart = startOf(today.minusDays(WEEK_DAYS - 1), zone);
        long daily = past.stream().filter(a -> !a.at().isBefore(dayStart)).count();
        List<Allowed> week = past.stream().filter(a -> !a.at().isBefore(weekStart))
                .sorted(Comparator.comparing(Allowed::at)).toList();
        Settings settings = s.settings();
        boolean dailyCapped = daily >= settings.perDay();
        boolean weeklyCapped = week.size() >= settings.perWeek();

        if (dailyCapped || weeklyCapped) {
            Reason reason = weeklyCapped ? Reason.WEEKLY_CAP : Reason.DAILY_CAP;
            if (urgency == Urgency.LOW || settings.perDay() == 0 || settings.perWeek() == 0) {
                return Decision.deny(settings.perWeek() == 0 ? Reason.WEEKLY_CAP
                        : settings.perDay() == 0 ? Reason.DAILY_CAP : reason);
            }
            Instant free = dailyCapped ? startOf(today.plusDays(1), zone) : now;
            if (weeklyCapped) {
                // The week's count falls below the cap when enough of its oldest notifications leave the window:
                // the k-th oldest leaves at the start of the seventh local day after its own.
                Allowed leaving = week.get(week.size() - settings.perWeek());
                Instant weekFree = startOf(leaving.at().atZone(zone).toLocalDate().plusDays(WEEK_DAYS), zone);
                free = weekFree.isAfter(free) ? weekFree : free;
            }
            if (urgency != Urgency.HIGH && inQuietHours(free, zone, settings)) {
                free = quietEnd(free, zone, settings);
            }
            return Decision.defer(reason, free);
        }

        if (urgency != Urgency.HIGH && inQuietHours(now, zone, settings)) {
            return Decision.defer(Reason.QUIET_HOURS, quietEnd(now, zone, settings));
        }
        return Decision.allow();
    }

    /** Whether the user's local time at {@code at} is within their quiet hours. */
    public static boolean inQuietHours(Instant at, ZoneId zone, Settings settings) {
        LocalTime start = settings.quietStart();
        LocalTime end = settings.quietEnd();
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end); // across midnight, e.g. 22:00–08:00
    }

    /** The first end of quiet hours after {@code at} (for an instant within them). */
    static Instant quietEnd(Instant at, ZoneId zone, Settings settings) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(settings.quietEnd()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // ZonedDateTime.of moves a time that a DST gap skips to just after the gap.
        return ZonedDateTime.of(day, settings.quietEnd(), zone).toInstant();
    }

    /** Local midnight, or the first instant of the day where a DST change skips midnight. */
    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
