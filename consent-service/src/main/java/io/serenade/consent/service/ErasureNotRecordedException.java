package io.serenade.consent.service;

/** An erasure was rolled back because the user's consent tombstone could not be published; the caller may retry. */
public class ErasureNotRecordedException extends RuntimeException {

    public ErasureNotRecordedException(Throwable cause) {
        super("the erasure could not publish the consent tombstone and was not recorded", cause);
    }
}
