package io.serenade.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A user asked Serenade to forget one event of their history. profile-service publishes it after deleting
 * its own row; every service that copied the event deletes its copy and stops using it. Key: user id, so it
 * lands on the same partition as the event it forgets and is applied after it.
 */
public record InteractionForgotten(int version, UUID eventId, String userId, Instant forgottenAt) {

    public static final int VERSION = 1;

    public InteractionForgotten {
        version = version == 0 ? VERSION : version;
    }
}
