package io.serenade.profile.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A back-end caller asks whether it may notify a user now. */
public record NotificationDecisionRequest(
        @NotNull @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a lower-case kind such as new-episode (at most 40 characters)") String kind,
        @NotNull @Pattern(regexp = "LOW|NORMAL|HIGH", message = "must be one of LOW, NORMAL, HIGH") String urgency) {
}
