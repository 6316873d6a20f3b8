package io.serenade.kit.identity;

/** What a user id looks like on every route of every service: the one rule, so that no service accepts more. */
public final class UserIds {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

    public static final String MESSAGE = "must be a user id (1 to 64 letters, digits, '-' or '_')";

    private UserIds() {
    }
}
