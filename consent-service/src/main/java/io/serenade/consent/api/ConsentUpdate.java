package io.serenade.consent.api;

import io.serenade.events.ConsentState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The body of a consent PUT: new answers for some purposes (the others keep theirs).
 *
 * @param source where the user answered; null means "api"
 */
public record ConsentUpdate(
        @NotNull @Size(min = 1, max = 6, message = "must set 1 to 6 purposes")
        Map<@NotNull @KnownPurpose String, @NotNull ConsentState> consents,
        @Pattern(regexp = "web|app|tv|api", message = "must be one of web, app, tv, api") String source) {

    public String sourceOrDefault() {
        return source == null ? "api" : source;
    }
}
