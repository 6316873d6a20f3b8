package io.serenade.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Age ratings, ordered: a profile allowing one allows every rating before it. */
public enum MaturityRating {
    ALL("all"), SEVEN_PLUS("7+"), THIRTEEN_PLUS("13+"), SIXTEEN_PLUS("16+"), EIGHTEEN_PLUS("18+");

    private final String label;

    MaturityRating(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean allows(MaturityRating titleRating) {
        return titleRating.ordinal() <= ordinal();
    }

    /** Accepts the label ("13+") or the constant name ("THIRTEEN_PLUS"); null when neither. */
    @JsonCreator
    public static MaturityRating fromLabel(String value) {
        if (value == null) {
            return null;
        }
        for (MaturityRating r : values()) {
            if (r.label.equals(value) || r.name().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown maturity rating '" + value + "', expected one of all, 7+, 13+, 16+, 18+");
    }
}
