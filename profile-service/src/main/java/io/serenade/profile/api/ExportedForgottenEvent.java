package io.serenade.profile.api;

import java.time.Instant;
import java.util.UUID;

/** The id of an event the user asked to forget, kept so that a redelivered copy is not stored again. */
public record ExportedForgottenEvent(UUID eventId, Instant forgottenAt) {
}
