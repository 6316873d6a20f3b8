package io.serenade.gateway;

import io.serenade.kit.testing.StandInPort;

import java.util.Map;

/** Points every service client of the gateway at the port where {@link StubServices} run (see StandInPort). */
public class StubServicesPort extends StandInPort {

    @Override
    protected Map<String, String> clients(String url) {
        return Map.of("quarkus.rest-client.profile.url", url, "quarkus.rest-client.ranking.url", url,
                "quarkus.rest-client.consent.url", url, "quarkus.rest-client.artwork.url", url);
    }
}
