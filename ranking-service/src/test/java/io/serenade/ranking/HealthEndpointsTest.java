package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.kit.testing.ManagementInterfaceContract;
import io.serenade.kit.testing.TestIdentityProvider;

/**
 * Probes and metrics on the management port, nothing of them on the API's (the kit's contract). The identity
 * provider's test key, registered here, serves every test of the module.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(TestIdentityProvider.class)
class HealthEndpointsTest extends ManagementInterfaceContract {
}
