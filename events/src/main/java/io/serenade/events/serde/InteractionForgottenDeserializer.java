package io.serenade.events.serde;

import io.serenade.events.InteractionForgotten;

/** Reads {@link InteractionForgotten} values. */
public class InteractionForgottenDeserializer extends EventDeserializer<InteractionForgotten> {
    public InteractionForgottenDeserializer() {
        super(InteractionForgotten.class);
    }
}
