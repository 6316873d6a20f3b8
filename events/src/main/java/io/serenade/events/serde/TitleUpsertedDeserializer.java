package io.serenade.events.serde;

import io.serenade.events.TitleUpserted;

/** Reads {@link TitleUpserted} values. */
public class TitleUpsertedDeserializer extends EventDeserializer<TitleUpserted> {
    public TitleUpsertedDeserializer() {
        super(TitleUpserted.class);
    }
}
