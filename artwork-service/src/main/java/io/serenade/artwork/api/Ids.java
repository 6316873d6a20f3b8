package io.serenade.artwork.api;

/** The shape of every id this service accepts (users, titles, artwork): nothing that could be a path trick. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    private Ids() {
    }
}
