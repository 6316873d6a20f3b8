package io.serenade.gateway.service;

/** The request needs a purpose the user has not granted: a 403 problem naming it, so the client can ask. */
public class ConsentRequired extends RuntimeException {

    private final String purpose;

    public ConsentRequired(String purpose) {
        super("consent required: " + purpose, null, false, false);
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }
}
