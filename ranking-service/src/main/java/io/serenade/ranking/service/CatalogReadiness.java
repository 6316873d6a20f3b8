package io.serenade.ranking.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the catalog snapshot has loaded once: before that, every home page would be empty. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    private final CatalogService catalog;

    public CatalogReadiness(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog-snapshot")
                .status(catalog.loaded())
                .withData("titles", catalog.snapshot().size())
                .build();
    }
}
