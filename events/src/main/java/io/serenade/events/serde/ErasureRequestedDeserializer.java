package io.serenade.events.serde;

import io.serenade.events.ErasureRequested;

/** Reads {@link ErasureRequested} values. */
public class ErasureRequestedDeserializer extends EventDeserializer<ErasureRequested> {
    public ErasureRequestedDeserializer() {
        super(ErasureRequested.class);
    }
}
