package io.serenade.events;

/** A user's answer for one purpose. Anything other than GRANTED means the purpose may not be used. */
public enum ConsentState {
    GRANTED, DENIED, WITHDRAWN;

    public boolean permits() {
        return this == GRANTED;
    }
}
