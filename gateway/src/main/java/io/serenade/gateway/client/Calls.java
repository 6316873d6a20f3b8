package io.serenade.gateway.client;

import io.serenade.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The resilience of the gateway's calls, one guard per kind of call, built from configuration
 * ({@code serenade.gateway.calls.<kind>}): a timeout on each; retries on reads; a circuit breaker, named after the
 * kind, where a failing service must not be hammered. A service's 4xx ({@link DownstreamRejection}) is the client's
 * mistake: it is neither retried nor counted against a breaker.
 */
@ApplicationScoped
public class Calls {

    private final GatewayConfig config;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public Calls(GatewayConfig config) {
        this.config = config;
    }

    /** The guard of a kind; fails when the kind is not configured (clients ask at start-up). */
    public Guard guard(String kind) {
        return guards.computeIfAbsent(kind, this::build);
    }

    /** Runs the call under the guard; the supplier is called again for a retry. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Uni<T> guarded(Guard guard, Supplier<Uni<T>> call) {
        return guard.get((Supplier) call, Uni.class);
    }

    private Guard build(String kind) {
        GatewayConfig.Call call = config.calls().get(kind);
        if (call == null) {
            throw new IllegalStateException("serenade.gateway.calls." + kind + " is not configured");
        }
        Guard.Builder builder = Guard.create().withDescription(kind)
                .withTimeout().duration(call.timeout().toMillis(), ChronoUnit.MILLIS).done();
        if (call.retries() > 0) {
            builder = builder.withRetry().maxRetries(call.retries())
                    .delay(call.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .abortOn(DownstreamRejection.class).done();
        }
        if (call.breaker()) {
            GatewayConfig.Breaker breaker = config.breaker();
            builder = builder.withCircuitBreaker().name(kind)
                    .requestVolumeThreshold(breaker.requestVolume()).failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(DownstreamRejection.class).done();
        }
        return builder.build();
    }
}
