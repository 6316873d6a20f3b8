package io.serenade.gateway.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The unavailable mapper's warning names the failure's kind, never the internal URL a client exception carries. */
class GatewayProblemMappersLogTest {

    @Test
    void anUnavailableServiceIsLoggedWithoutTheInternalPath() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Object[] params = r.getParameters();
                logged.add(params == null || params.length == 0 ? r.getMessage()
                        : String.format(r.getMessage(), params) + " " + List.of(params));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Response answer = new GatewayProblemMappers().unavailable(
                    new ProcessingException("GET http://127.0.0.1:8081/internal/users/u-secret-42/profile: connection refused"), null);
            assertThat(answer.getStatus()).isEqualTo(503);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).as("the warning was captured").anySatisfy(m -> assertThat(m).contains("ProcessingException"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("u-secret-42"));
        assertThat(logged).noneSatisfy(m -> assertThat(m).contains("/internal/"));
    }
}
