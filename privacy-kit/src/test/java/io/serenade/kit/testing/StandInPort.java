package io.serenade.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * For a caller's tests (gateway, consent-service): one free local port where the test runs stand-ins for the services
 * it calls, with the caller's REST clients and its OIDC client (the client-credentials token request) pointed there.
 * A subclass names its clients. The port goes through a system property: the test and this resource may not share a
 * class loader.
 */
public abstract class StandInPort implements QuarkusTestResourceLifecycleManager {

    public static final String PORT_PROPERTY = "serenade.test.stand-ins.port";

    /** The caller's REST client configuration for stand-ins at {@code url}. */
    protected abstract Map<String, String> clients(String url);

    /** The port the stand-ins listen on, as chosen for the running test. */
    public static int port() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY));
    }

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
        Map<String, String> config = new HashMap<>(clients(url));
        // The stand-ins also answer the caller's client-credentials token request, at /token.
        config.put("quarkus.oidc-client.auth-server-url", url);
        return config;
    }

    @Override
    public void stop() {
        System.clearProperty(PORT_PROPERTY);
    }
}
