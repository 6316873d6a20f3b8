package io.serenade.consent.rest;

/** A request parameter that passed its pattern but not a check across values (a range, a parse): a 400 naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
