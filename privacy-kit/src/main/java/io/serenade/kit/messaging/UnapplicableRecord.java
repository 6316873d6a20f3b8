package io.serenade.kit.messaging;

/**
 * Thrown by a consumer for a record it will never be able to apply (its message says why, without the user's
 * data): the kit's {@link DeadLetters} parks the record instead of retrying it.
 */
public class UnapplicableRecord extends RuntimeException {

    public UnapplicableRecord(String why) {
        super(why, null, false, false);
    }
}
