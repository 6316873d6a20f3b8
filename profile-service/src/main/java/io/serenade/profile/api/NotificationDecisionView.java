package io.serenade.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A pacing decision as the API shows it. {@code deferUntil} is present only for DEFER: when the caller may ask
 * again. {@code id} is also the request id of the data-use record the decision produced.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationDecisionView(UUID id, String userId, String kind, String urgency, String decision,
                                       Reason reason, Instant deferUntil, Instant decidedAt) {

    /** {@code code}: no-consent, quiet-hours, daily-cap, weekly-cap, repeat-window or allowed; {@code text}: in words. */
    public record Reason(String code, String text) {
    }
}
