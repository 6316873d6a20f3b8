package io.serenade.events;

import java.time.LocalTime;

/** Where and when, from the user's side, an interaction happened. Every field is optional. */
public record InteractionContext(String device, String locale, String timeZone, LocalTime localTime) {
}
