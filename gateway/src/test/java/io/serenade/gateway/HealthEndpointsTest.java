package io.serenade.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.serenade.kit.testing.ManagementInterfaceContract;

/** Probes and metrics on the management port, nothing of them on the public port, which serves the API document. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(TestTopics.class)
class HealthEndpointsTest extends ManagementInterfaceContract {

    @Override
    protected boolean publishesTheApiDocument() {
        return true;
    }
}
