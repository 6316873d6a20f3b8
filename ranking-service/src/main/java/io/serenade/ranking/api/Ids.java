package io.serenade.ranking.api;

/** The shape of a user id in a path: what the gateway passes on from the token's subject, nothing that could be a path trick. */
public final class Ids {

    public static final String USER_ID = "[A-Za-z0-9_-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    private Ids() {
    }
}
