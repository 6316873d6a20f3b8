package io.serenade.events.serde;

import io.serenade.events.ConsentChanged;

/** Reads {@link ConsentChanged} values. */
public class ConsentChangedDeserializer extends EventDeserializer<ConsentChanged> {
    public ConsentChangedDeserializer() {
        super(ConsentChanged.class);
    }
}
