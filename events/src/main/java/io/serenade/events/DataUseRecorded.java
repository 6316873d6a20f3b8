package io.serenade.events;

import java.time.Instant;
import java.util.List;

/** Personal data was used to answer a request: for which purposes, which data, by which services. Key: user id. */
public record DataUseRecorded(int version, String requestId, String userId, List<String> purposes,
                              List<String> dataCategories, List<String> services, Instant occurredAt) {

    public static final int VERSION = 1;

    public DataUseRecorded {
        version = version == 0 ? VERSION : version;
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        services = services == null ? List.of() : List.copyOf(services);
    }
}
