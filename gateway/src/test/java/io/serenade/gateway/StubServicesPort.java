package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points every service client at one free local port, where {@link CompositionTest} runs its stand-in
 * services, and its OIDC client at the same port's token endpoint. The port goes through a system property: the test and this resource may not share a class loader.
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
        return Map.of("quarkus.rest-client.profile.url", url, "quarkus.rest-client.ranking.url", url,
                "quarkus.rest-client.consent.url", url, "quarkus.rest-client.artwork.url", url,
                // The stand-ins also answer the gateway's client-credentials token request (StubServices.TOKEN).
                "quarkus.oidc-client.auth-server-url", url);
    }

    @Override
    public void stop() {
        System.clearProperty(PORT_PROPERTY);
    }
}
