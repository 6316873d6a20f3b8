package io.serenade.events;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract by which the gateway tells a service which purposes the user has granted for this one
 * request: the {@value #HEADER} header, a comma-separated list of purpose names from {@link Purposes}.
 * A service uses personal data for a purpose only if it is listed. No header, an empty one, or names
 * this version does not know grant nothing: consent fails closed. On the wire the list travels inside a
 * {@link PurposeToken}, signed by the gateway and bound to the user, which services verify.
 */
public record GrantedPurposes(Set<String> purposes) {

    public static final String HEADER = "Serenade-Purposes";

    public static final GrantedPurposes NONE = new GrantedPurposes(Set.of());

    public GrantedPurposes {
        purposes = Set.copyOf(purposes);
    }

    /** Reads the header value; unknown names are dropped rather than trusted. */
    public static GrantedPurposes parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        return new GrantedPurposes(Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(Purposes.ALL::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    public boolean allows(String purpose) {
        return purposes.contains(purpose);
    }

    /** The header value, purposes in {@link Purposes#ALL} order so equal grants give equal headers. */
    public String header() {
        return Purposes.ALL.stream().filter(purposes::contains).collect(Collectors.joining(","));
    }
}
