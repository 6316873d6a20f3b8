package io.serenade.consent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the clients of profile-, ranking- and artwork-service at one free local port, each under its own path
 * prefix ({@code /profile}, {@code /ranking}, {@code /artwork}), where {@link UserDataTest} runs stand-ins for
 * them. The port goes through a system property: the test and this resource may not share a class loader.
 */
public class StubServicesPort implements QuarkusTestResourceLifecycleManager {

    static final String PORT_PROPERTY = "serenade.test.stub-services.port";

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PORT_PROPERTY, String.valueOf(port));
        String url = "http://127.0.0.1:" + port;
        return Map.of("quarkus.rest-client.profile.url", url + "/profile",
                "quarkus.rest-client.ranking.url", url + "/ranking",
                "quarkus.rest-client.artwork.url", url + "/artwork",
                // The stand-ins also answer consent-service's client-credentials token request, at /token.
                "quarkus.oidc-client.auth-server-url", url);
    }

    @Override
    public void stop() {
        System.clearProperty(PORT_PROPERTY);
    }
}
