package io.serenade.events.serde;

import io.serenade.events.DataUseRecorded;

/** Reads {@link DataUseRecorded} values. */
public class DataUseRecordedDeserializer extends EventDeserializer<DataUseRecorded> {
    public DataUseRecordedDeserializer() {
        super(DataUseRecorded.class);
    }
}
