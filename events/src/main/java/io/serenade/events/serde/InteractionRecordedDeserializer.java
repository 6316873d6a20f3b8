package io.serenade.events.serde;

import io.serenade.events.InteractionRecorded;

/** Reads {@link InteractionRecorded} values. */
public class InteractionRecordedDeserializer extends EventDeserializer<InteractionRecorded> {
    public InteractionRecordedDeserializer() {
        super(InteractionRecorded.class);
    }
}
