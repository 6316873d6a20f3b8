package io.serenade.ranking.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** An admin's create-or-replace of a catalog title. Tags (genres, themes, moods) are lower-case ids. */
public record TitleUpsert(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 5, message = "must list 1 to 5 genres") List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> genres,
        @Size(max = 10) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> themes,
        @Size(max = 10) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> moods,
        @NotNull @Pattern(regexp = "all|7\\+|13\\+|16\\+|18\\+", message = "must be one of all, 7+, 13+, 16+, 18+") String maturityRating,
        @Min(1888) @Max(2100) Integer releaseYear,
        Instant availableFrom) {

    public static final String TAG = "[a-z][a-z0-9-]{0,39}";
    static final String TAG_MESSAGE = "must be a lower-case id such as sci-fi";
}
