package io.serenade.consent;

import io.serenade.kit.testing.StandInPort;

import java.util.Map;

/**
 * Points the clients of profile-, ranking- and artwork-service at the port where {@link UserDataTest} runs stand-ins
 * for them, each under its own path prefix ({@code /profile}, {@code /ranking}, {@code /artwork}); see StandInPort.
 */
public class StubServicesPort extends StandInPort {

    @Override
    protected Map<String, String> clients(String url) {
        return Map.of("quarkus.rest-client.profile.url", url + "/profile", "quarkus.rest-client.ranking.url", url + "/ranking",
                "quarkus.rest-client.artwork.url", url + "/artwork");
    }
}
