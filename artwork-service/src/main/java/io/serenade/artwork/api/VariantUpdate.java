package io.serenade.artwork.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

import java.util.List;

/**
 * The body of a variant PUT, which replaces the whole variant.
 *
 * @param imageUrl absolute http(s) URL of the image, or null to serve the generated poster
 * @param enabled  null means true: a new variant is shown unless said otherwise
 */
public record VariantUpdate(
        // The URL ends up in clients' <img src>: no white space, quotes or angle brackets, host required.
        @Size(max = 2048) @URL(regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s\"'<>\\\\^`{|}]*)?",
                message = "must be an absolute http(s) URL") String imageUrl,
        @Size(max = 10, message = "must list at most 10 tags")
        List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "must be a lower-case tag id such as faces") String> tags,
        @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour such as #1A2B3C") String dominantColour,
        Boolean enabled) {

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags.stream().distinct().toList();
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
