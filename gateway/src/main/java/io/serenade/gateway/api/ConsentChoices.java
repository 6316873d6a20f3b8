package io.serenade.gateway.api;

import io.serenade.events.ConsentState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The body of {@code PUT /api/v1/me/consents}: new answers for some purposes. Each answer is a name, GRANTED, DENIED
 * or WITHDRAWN, never a number (strict JSON): {@code "0"} would otherwise be read as GRANTED. Which purposes exist is
 * consent-service's to say; it refuses an unknown one.
 *
 * @param source where the member answered; absent means "api"
 */
public record ConsentChoices(
        @NotNull(message = "must be an object of purpose: GRANTED, DENIED or WITHDRAWN")
        @Size(min = 1, max = 6, message = "must set 1 to 6 purposes")
        Map<@NotNull String, @NotNull(message = "must be GRANTED, DENIED or WITHDRAWN") ConsentState> consents,
        @Pattern(regexp = "web|app|tv|api", message = "must be one of web, app, tv, api") String source) {
}
