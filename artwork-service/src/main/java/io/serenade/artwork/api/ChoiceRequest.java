package io.serenade.artwork.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Which titles a page is about to show to a user; the answer holds one variant per title that has any. */
public record ChoiceRequest(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String userId,
        @NotNull @Size(min = 1, max = 100, message = "must list 1 to 100 titles")
        List<@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> titleIds,
        @Valid Context context) {

    /**
     * The viewing situation, for contextual policies. Typed fields make Jackson reject an unknown time zone or a
     * malformed time as a 400 naming the field.
     */
    public record Context(
            @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be a lower-case device kind such as tv") String device,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or en-GB") String locale,
            ZoneId timeZone,
            LocalTime localTime) {
    }
}
