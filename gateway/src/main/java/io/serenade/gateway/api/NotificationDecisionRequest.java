package io.serenade.gateway.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A back-end sender asks whether it may notify a user now. The only route where a user id comes from the body:
 * its caller is a service (role notifier), not the user, and the answer is a decision, never the user's data.
 *
 * @param kind    what the notification is about (new-episode, reminder, ...): repeats are paced per kind
 * @param urgency LOW, NORMAL or HIGH (HIGH may break quiet hours, never the caps)
 */
public record NotificationDecisionRequest(
        @NotNull(message = "is required") @Pattern(regexp = USER_ID, message = "must be 1 to 64 letters, digits, '-' or '_'") String userId,
        @NotNull(message = "is required") @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a kind such as new-episode") String kind,
        @NotNull(message = "is required") @Pattern(regexp = "LOW|NORMAL|HIGH", message = "must be LOW, NORMAL or HIGH") String urgency) {

    /** The shape of every Serenade user id (the OIDC subject): nothing that could be a path trick. */
    public static final String USER_ID = "[A-Za-z0-9_-]{1,64}";
}
