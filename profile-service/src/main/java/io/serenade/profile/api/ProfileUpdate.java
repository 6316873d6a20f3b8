package io.serenade.profile.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The editable part of a profile; a PUT replaces all of it. */
public record ProfileUpdate(
        @Size(max = 80, message = "must be at most 80 characters") String displayName,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as en or en-GB") String locale,
        @NotBlank @ValidTimeZone String timeZone,
        @NotNull @Pattern(regexp = "all|7\\+|13\\+|16\\+|18\\+", message = "must be one of all, 7+, 13+, 16+, 18+") String maturityRating,
        @NotNull @Size(max = 20, message = "must list at most 20 genres")
        List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case genre id") String> favouriteGenres,
        // Optional so that clients written before the dial keep working; absent means the default.
        @DecimalMin(value = "0", message = "must be between 0 and 1") @DecimalMax(value = "1", message = "must be between 0 and 1") Double diversity) {
}
