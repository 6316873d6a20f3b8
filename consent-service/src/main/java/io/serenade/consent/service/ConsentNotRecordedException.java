package io.serenade.consent.service;

/** A consent change was rolled back because its event could not be published; the caller may retry it. */
public class ConsentNotRecordedException extends RuntimeException {

    public ConsentNotRecordedException(Throwable cause) {
        super("the consent change could not be published and was not recorded", cause);
    }
}
