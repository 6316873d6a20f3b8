package io.serenade.profile.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A user's notification pacing; a PUT replaces all of it. Equal quiet start and end mean no quiet hours. */
public record NotificationSettingsUpdate(
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer perDay,
        @NotNull @Min(value = 0, message = "must be between 0 and 50") @Max(value = 50, message = "must be between 0 and 50") Integer perWeek,
        @NotNull @Pattern(regexp = HH_MM, message = "must be a local time HH:mm such as 22:00") String quietStart,
        @NotNull @Pattern(regexp = HH_MM, message = "must be a local time HH:mm such as 08:00") String quietEnd) {

    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
}
