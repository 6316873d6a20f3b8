package io.serenade.profile.api;

/** The shape of a user id wherever one enters: OIDC subjects and demo ids, nothing that could be a path trick. */
public final class UserIds {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

    public static final String MESSAGE = "must be a user id (letters, digits, '-', '_'; at most 64)";

    private UserIds() {
    }
}
