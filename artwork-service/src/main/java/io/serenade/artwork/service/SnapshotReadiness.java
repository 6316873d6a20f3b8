package io.serenade.artwork.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Keeps a replica out of rotation until its variant snapshot has loaded: before that it would choose no artwork. */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    private final VariantSnapshot snapshot;

    public SnapshotReadiness(VariantSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("artwork-variant-snapshot").status(snapshot.loaded()).build();
    }
}
