package io.serenade.kit.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * RFC 9457 problems for what fails below the application, before any resource runs: a request URI longer than
 * {@code serenade.http.max-uri-length} (414), and any failure of the HTTP router itself, such as a path whose
 * percent-encoding cannot be decoded (400) or a request the router refuses. Without this, such answers have an empty
 * or HTML body. What the HTTP server refuses before routing (a request line over
 * {@code quarkus.http.limits.max-initial-line-length}, set well above the URI limit, or headers over their limit)
 * is still answered by Vert.x alone.
 */
@ApplicationScoped
public class LowerLayerProblems {

    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 404, "Not found", 405, "Method not allowed",
            406, "Not acceptable", 413, "Request too large", 414, "URI too long", 415, "Unsupported media type");

    private final int maxUriLength;

    public LowerLayerProblems(@ConfigProperty(name = "serenade.http.max-uri-length", defaultValue = "8192") int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().uri().length() > maxUriLength) {
                send(ctx, 414, "uri-too-long", "The request URI is longer than " + maxUriLength + " characters");
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            // Only the router's own refusals: an exception (status -1) or a 5xx is the application's, and a response
            // already started was written by the application (its mappers answer with problems themselves).
            if (ctx.response().headWritten() || status < 400 || status >= 500) {
                ctx.next();
                return;
            }
            send(ctx, status, "http-" + status, status == 400
                    ? "The request could not be read (for example a path with a broken percent-encoding)"
                    : "The request was refused before reaching the application");
        });
    }

    private static void send(RoutingContext ctx, int status, String slug, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:serenade:problem:" + slug)
                .put("title", TITLES.getOrDefault(status, "Request refused"))
                .put("status", status)
                .put("detail", detail);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}
