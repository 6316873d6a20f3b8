package io.serenade.artwork.policy;

import java.time.LocalTime;

/** What the caller knows about the request's situation; every field may be null. */
public record ChoiceContext(String device, String locale, String timeZone, LocalTime localTime) {

    public static final ChoiceContext NONE = new ChoiceContext(null, null, null, null);
}
