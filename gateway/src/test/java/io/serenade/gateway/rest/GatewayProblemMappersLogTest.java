package io.serenade.gateway.rest;

import io.serenade.kit.testing.LogCapture;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The unavailable mapper's warning names the failure's kind, never the internal URL a client exception carries. */
class GatewayProblemMappersLogTest {

    @Test
    void anUnavailableServiceIsLoggedWithoutTheInternalPath() {
        List<String> logged;
        try (LogCapture logs = LogCapture.start()) {
            Response answer = new GatewayProblemMappers().unavailable(
                    new ProcessingException("GET http://127.0.0.1:8081/internal/users/u-secret-42/profile: connection refused"), null);
            assertThat(answer.getStatus()).isEqualTo(503);
            logged = logs.lines(line -> true);
        }
        assertThat(logged).as("the warning was captured").anySatisfy(m -> assertThat(m).contains("ProcessingException"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("u-secret-42"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("/internal/"));
    }
}
