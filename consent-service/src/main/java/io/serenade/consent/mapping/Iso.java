package io.serenade.consent.mapping;

import java.time.Duration;

/** ISO-8601 text for durations as people configure them: {@code P730D} rather than {@code PT17520H}. */
public final class Iso {

    private Iso() {
    }

    public static String duration(Duration d) {
        if (d == null) {
            return null;
        }
        return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
