package io.serenade.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;

/**
 * A gateway test against {@link StubServices}: started once for the class, forgotten between tests, stopped after
 * it. The class also names {@code @QuarkusTestResource(value = StubServicesPort.class, restrictToAnnotatedClass =
 * true)}, which points the gateway's clients at the stand-ins.
 */
abstract class StubbedServicesTest {

    static StubServices stub;

    @BeforeEach
    void startOrResetStubs() throws IOException {
        if (stub == null) {
            stub = StubServices.start();
        }
        stub.reset();
    }

    @AfterAll
    static void stopStubs() {
        if (stub != null) {
            stub.stop();
            stub = null;
        }
    }
}
