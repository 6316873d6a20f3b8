package io.serenade.gateway.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A user's notification caps and quiet hours (in their own time zone), replaced whole by PUT. The bounds are
 * profile-service's, checked here too so bad input never leaves the gateway; anything else profile-service
 * judges comes back as its own problem. Equal quiet start and end mean no quiet hours.
 */
public record NotificationSettings(
        @NotNull(message = "is required") @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10")
        Integer perDay,
        @NotNull(message = "is required") @Min(value = 0, message = "must be between 0 and 50") @Max(value = 50, message = "must be between 0 and 50")
        Integer perWeek,
        @NotNull(message = "is required") @Pattern(regexp = TIME_OF_DAY, message = TIME_OF_DAY_MESSAGE) String quietStart,
        @NotNull(message = "is required") @Pattern(regexp = TIME_OF_DAY, message = TIME_OF_DAY_MESSAGE) String quietEnd) {

    static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME_OF_DAY_MESSAGE = "must be a time of day such as 22:00";
}
