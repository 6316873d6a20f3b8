package io.serenade.profile.mapping;

import io.serenade.profile.api.NotificationDecisionView;
import io.serenade.profile.api.NotificationSettingsView;
import io.serenade.profile.model.NotificationDecision;
import io.serenade.profile.model.NotificationSettings;
import io.serenade.profile.pacing.NotificationPacer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Entity ↔ DTO conversions of notification pacing. */
public final class NotificationMapper {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private NotificationMapper() {
    }

    public static NotificationDecisionView toView(NotificationDecision d) {
        NotificationPacer.Reason reason = NotificationPacer.Reason.ofCode(d.reason);
        return new NotificationDecisionView(d.id, d.userId, d.kind, d.urgency, d.decision,
                new NotificationDecisionView.Reason(reason.code(), reason.text()), d.deferUntil, d.decidedAt);
    }

    public static NotificationSettingsView toView(NotificationSettings s) {
        return new NotificationSettingsView(s.userId, s.perDay, s.perWeek, hhmm(s.quietStart), hhmm(s.quietEnd), s.updatedAt);
    }

    public static NotificationPacer.Settings toPacing(NotificationSettings s) {
        return new NotificationPacer.Settings(s.perDay, s.perWeek, s.quietStart, s.quietEnd);
    }

    public static String hhmm(LocalTime t) {
        return t.format(HH_MM);
    }
}
