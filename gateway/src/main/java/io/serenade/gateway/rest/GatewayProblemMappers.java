package io.serenade.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClientException;
import io.serenade.gateway.api.ConsentRequiredProblem;
import io.serenade.gateway.client.DownstreamFailure;
import io.serenade.gateway.client.DownstreamRejection;
import io.serenade.gateway.service.ConsentRequired;
import io.serenade.gateway.service.DataUseLog;
import io.serenade.gateway.service.Overloaded;
import io.serenade.gateway.service.RateLimited;
import io.serenade.kit.rest.Problem;
import io.serenade.kit.rest.ProblemMappers;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.ConnectException;

/**
 * The gateway's own failures as RFC 9457 problems, beside the kit's {@link ProblemMappers} that every service shares:
 * consent required, rate limited, a service's refusal passed on, a service not answering.
 */
public class GatewayProblemMappers {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response consentRequired(ConsentRequired e, UriInfo uri) {
        ConsentRequiredProblem body = new ConsentRequiredProblem("urn:serenade:problem:consent-required", "Consent required",
                403, "This needs your consent to the purpose " + e.purpose() + ", which you have not granted",
                uri == null ? null : uri.getPath(), e.purpose());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimited e, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.problem(429, "rate-limited", "Too many requests",
                        "Request budget spent; retry after " + e.retryAfterSeconds() + " s", uri, null))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    /**
     * A service refused the request: its problem goes back as sent, with the public path as instance. Except a 401:
     * that service refused the gateway's own identity (a service still starting, the identity provider away), which
     * is our outage, not the member's fault: they get a 503 to retry, never "your token is not valid".
     */
    @ServerExceptionMapper
    public Response rejected(DownstreamRejection e, UriInfo uri) {
        if (e.status() == 401) {
            Log.warnf("a service refused the gateway's identity for %s: answered 503", uri == null ? null : uri.getPath());
            return ProblemMappers.unavailable(uri);
        }
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(e.body());
            body.put("instance", uri.getPath());
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body).build();
        } catch (IOException | ClassCastException | NullPointerException notAProblem) {
            return ProblemMappers.problem(e.status(), "rejected", "Request rejected", "The request was refused", uri, null);
        }
    }

    /** Only a response with no non-personal version gets here (the assistant context): pages fall back instead. */
    @ServerExceptionMapper
    public Response ledgerUnavailable(DataUseLog.LedgerUnavailable e, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.problem(503, "ledger-unavailable", "Data-use log unavailable",
                        "Your data-use log could not be written just now, and Serenade does not use your data without "
                                + "recording it; try again shortly", uri, null))
                .header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    @ServerExceptionMapper({DownstreamFailure.class, TimeoutException.class, CircuitBreakerOpenException.class,
            ProcessingException.class, ConnectException.class, Overloaded.class, OidcClientException.class})
    public Response unavailable(Exception e, UriInfo uri) {
        // An open breaker refuses every call until it half-opens: the failure that opened it was logged.
        if (e instanceof CircuitBreakerOpenException) {
            Log.debugf("circuit open for %s", uri.getPath());
        } else {
            // The class only: a REST client's message names the internal URL, which carries the user id.
            Log.warnf("downstream unavailable for %s: %s", uri == null ? null : uri.getPath(), e.getClass().getName());
        }
        return ProblemMappers.unavailable(uri);
    }
}
