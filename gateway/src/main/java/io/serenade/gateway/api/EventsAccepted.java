package io.serenade.gateway.api;

/** Answer to POST /me/events: how many events were accepted (all of them, or none and a problem). */
public record EventsAccepted(int accepted) {
}
