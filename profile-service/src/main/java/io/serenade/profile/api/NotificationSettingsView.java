package io.serenade.profile.api;

import java.time.Instant;

/** A user's notification pacing; {@code updatedAt} is null while they keep the defaults. Times are "HH:mm", local. */
public record NotificationSettingsView(String userId, int perDay, int perWeek, String quietStart, String quietEnd,
                                       Instant updatedAt) {
}
