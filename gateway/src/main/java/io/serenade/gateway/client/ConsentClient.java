package io.serenade.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.serenade.gateway.api.ConsentChoices;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import static io.serenade.gateway.client.Calls.guarded;

/** The gateway's calls to consent-service, each under the guard of its kind (Calls). */
@Startup // its guards are built now: a kind missing from configuration stops the gateway at start-up
@ApplicationScoped
public class ConsentClient {

    private final ConsentApi consent;
    private final Guard current;
    private final Guard read;
    private final Guard slowRead;
    private final Guard write;
    private final Guard start;
    private final Guard archive;

    public ConsentClient(@RestClient ConsentApi consent, Calls calls) {
        this.consent = consent;
        this.current = calls.guard("consent-current");
        this.read = calls.guard("consent-read");
        this.slowRead = calls.guard("consent-slow-read");
        this.write = calls.guard("consent-write");
        this.start = calls.guard("consent-start");
        this.archive = calls.guard("consent-archive");
    }

    public Uni<JsonNode> consents(String userId) {
        return guarded(read, () -> consent.consents(userId));
    }

    /**
     * The same read, made on every personalized request alongside the profile: as short a timeout as the profile's
     * and a breaker of its own. Its caller (ConsentLookup) turns any failure into nothing granted.
     */
    public Uni<JsonNode> currentConsents(String userId) {
        return guarded(current, () -> consent.consents(userId));
    }

    public Uni<JsonNode> putConsents(String userId, ConsentChoices body) {
        return guarded(write, () -> consent.putConsents(userId, body));
    }

    public Uni<JsonNode> consentHistory(String userId, int page, int size) {
        return guarded(read, () -> consent.history(userId, page, size));
    }

    public Uni<JsonNode> purposes() {
        return guarded(read, consent::purposes);
    }

    public Uni<JsonNode> transparency(String userId) {
        return guarded(slowRead, () -> consent.transparency(userId));
    }

    public Uni<JsonNode> dataUse(String userId, String from, String to, int page, int size) {
        return guarded(slowRead, () -> consent.dataUse(userId, from, to, page, size));
    }

    /** Not retried: a timed-out first attempt may have started a job, and a retry would start a second. */
    public Uni<JsonNode> startExport(String userId) {
        return guarded(start, () -> consent.startExport(userId));
    }

    public Uni<JsonNode> export(String userId, String exportId) {
        return guarded(read, () -> consent.export(userId, exportId));
    }

    /** An archive of 10,000 events is megabytes: a longer timeout than a status read. */
    public Uni<byte[]> exportArchive(String userId, String exportId) {
        return guarded(archive, () -> consent.exportArchive(userId, exportId));
    }

    /** Not retried, like the export: consent-service answers a second request with the erasure already running. */
    public Uni<JsonNode> startErasure(String userId) {
        return guarded(start, () -> consent.startErasure(userId));
    }

    public Uni<JsonNode> erasure(String userId, String erasureId) {
        return guarded(read, () -> consent.erasure(userId, erasureId));
    }
}
