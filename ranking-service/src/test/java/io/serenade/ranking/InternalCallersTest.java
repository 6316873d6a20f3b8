package io.serenade.ranking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.serenade.kit.testing.InternalRoutesContract;

/** Every internal route of ranking-service refuses a caller without a service identity on its allow-list. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class InternalCallersTest extends InternalRoutesContract {

    @Override
    protected String resourcePackage() {
        return "io.serenade.ranking.rest";
    }
}
