package io.serenade.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.serenade.consent.api.DataUseEntry;
import io.serenade.consent.api.ExportView;
import io.serenade.consent.client.UserDataClients;
import io.serenade.consent.config.ConsentConfig;
import io.serenade.consent.mapping.ConsentMapper;
import io.serenade.consent.model.ConsentRecord;
import io.serenade.consent.model.ExportJob;
import io.serenade.consent.repository.ConsentLedgerRepository;
import io.serenade.consent.repository.DataUseRepository;
import io.serenade.consent.repository.ExportRepository;
import io.serenade.consent.repository.UserLock;
import io.serenade.events.Services;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exports: one archive of everything Serenade holds about a user, raw and inferred. A job asks each service
 * holding personal data for its part (in parallel, each with its retries) and adds consent-service's own data,
 * recording each part's progress as it lands, then stores the archive for a few days.
 * <p>
 * Jobs run in memory: one that dies with its instance is marked FAILED by {@link RetentionJobs} after a while.
 */
@ApplicationScoped
public class ExportService {

    /** The parts of an archive, in the order progress is shown. */
    static final List<String> PARTS = List.of(Services.PROFILE, Services.RANKING, Services.ARTWORK, Services.CONSENT);

    private final Pool pool;
    private final ExportRepository exports;
    private final ConsentLedgerRepository ledger;
    private final DataUseRepository dataUse;
    private final UserDataClients clients;
    private final ObjectMapper json;
    private final ConsentConfig config;

    public ExportService(Pool pool, ExportRepository exports, ConsentLedgerRepository ledger, DataUseRepository dataUse,
                         UserDataClients clients, ObjectMapper json, ConsentConfig config) {
        this.pool = pool;
        this.exports = exports;
        this.ledger = ledger;
        this.dataUse = dataUse;
        this.clients = clients;
        this.json = json;
        this.config = config;
    }

    private record Started(ExportJob job, boolean isNew) {
    }

    /** A service's part of the archive; null data when it could not be fetched. */
    private record Part(String service, JsonNode data) {
    }

    /**
     * Starts an export, or returns the user's running one: an archive is a heavy job and the same data twice
     * would not help anyone.
     */
    public Uni<ExportView> start(String userId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(tx -> UserLock.lock(tx, userId)
                        .chain(() -> exports.running(tx, userId))
                        .chain(running -> {
                            if (running != null) {
                                return Uni.createFrom().item(new Started(running, false));
                            }
                            Map<String, String> progress = new LinkedHashMap<>();
                            PARTS.forEach(p -> progress.put(p, ExportJob.PENDING));
                            ExportJob job = new ExportJob(UUID.randomUUID(), userId, ExportJob.RUNNING, progress, now, null,
                                    now.plus(config.exports().keepFor()));
                            return exports.insert(tx, job).map(j -> new Started(j, true));
                        }))
                .invoke(started -> {
                    if (started.isNew()) {
                        run(started.job());
                    }
                })
                .map(started -> view(started.job()));
    }

    /** The user's export, null if there is none with this id for this user. */
    public Uni<ExportView> find(String userId, UUID id) {
        return exports.find(userId, id).map(job -> job == null ? null : view(job));
    }

    /** The archive's JSON text; null while there is none (running or failed). The caller checks ownership first. */
    public Uni<String> archive(UUID id) {
        return exports.archive(id);
    }

    private void run(ExportJob job) {
        Log.infof("export %s started", job.id());
        assemble(job).subscribe().with(
                status -> Log.infof("export %s %s", job.id(), status),
                e -> {
                    Log.errorf("export %s failed: %s", job.id(), e.getClass().getName()); // the message may quote data
                    // A job left RUNNING blocks the user's next export (one running per user): say so. Export id only.
                    exports.complete(job.id(), ExportJob.FAILED, null, Instant.now()).subscribe().with(x -> { },
                            x -> Log.errorf("export %s could not be marked FAILED: %s", job.id(), x.getClass().getName()));
                });
    }

    /** Fetches every part, builds the archive and stores it; returns the final status. */
    Uni<String> assemble(ExportJob job) {
        String userId = job.userId();
        List<Uni<Part>> remote = clients.holders().stream().map(h -> h.export().apply(userId)
                .map(data -> {
                    // Never put another user's data in this archive, whatever a service answered.
                    if (data == null || !userId.equals(data.path("userId").asText(null))) {
                        throw new IllegalStateException("the export of " + h.service() + " is not this user's");
                    }
                    return data;
                })
                .call(data -> exports.progress(job.id(), h.service(), ExportJob.DONE))
                .map(data -> new Part(h.service(), data))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("export %s: %s part failed (%s)", job.id(), h.service(), e.getClass().getSimpleName());
                    return exports.progress(job.id(), h.service(), ExportJob.FAILED).replaceWith(new Part(h.service(), null));
                })).toList();
        Uni<Part> own = Uni.combine().all().unis(ledger.allForUser(userId), dataUse.all(userId))
                .with((ledgerRows, uses) -> new Part(Services.CONSENT, ownPart(userId, ledgerRows, uses)))
                .call(p -> exports.progress(job.id(), Services.CONSENT, ExportJob.DONE));
        List<Uni<Part>> all = new ArrayList<>(remote);
        all.add(own);
        return Uni.join().all(all).andFailFast()
                // Writing an archive of megabytes is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(parts -> write(job, parts))
                .chain(archive -> exports.complete(job.id(), ExportJob.DONE, archive, Instant.now()))
                .map(stored -> stored ? ExportJob.DONE : "gone (erased meanwhile)");
    }

    private JsonNode ownPart(String userId, List<ConsentRecord> ledgerRows, List<DataUseEntry> uses) {
        Map<String, ConsentRecord> latest = new HashMap<>();
        ledgerRows.forEach(r -> latest.put(r.purpose, r)); // oldest first, so the last one of each purpose wins
        ObjectNode own = json.createObjectNode();
        ObjectNode consents = own.putObject("consents");
        consents.set("current", json.valueToTree(ConsentMapper.toView(userId, config.policyVersion(), latest)));
        List<ConsentRecord> newestFirst = new ArrayList<>(ledgerRows);
        Collections.reverse(newestFirst);
        consents.set("history", json.valueToTree(newestFirst.stream().map(ConsentMapper::toEntry).toList()));
        own.set("dataUse", json.valueToTree(uses));
        return own;
    }

    private String write(ExportJob job, List<Part> parts) {
        ObjectNode archive = json.createObjectNode();
        archive.put("userId", job.userId());
        archive.put("createdAt", job.createdAt().toString());
        ObjectNode services = archive.putObject("services");
        List<String> missing = new ArrayList<>();
        for (Part p : parts) {
            if (p.data() == null) {
                missing.add(p.service());
            } else if (Services.CONSENT.equals(p.service())) {
                archive.set("consents", p.data().get("consents"));
                archive.set("dataUse", p.data().get("dataUse"));
            } else {
                services.set(p.service(), p.data());
            }
        }
        archive.set("missing", json.valueToTree(missing));
        try {
            return json.writeValueAsString(archive);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the archive", e);
        }
    }

    private static ExportView view(ExportJob job) {
        Map<String, String> progress = new LinkedHashMap<>();
        PARTS.forEach(p -> progress.put(p, job.progress().getOrDefault(p, ExportJob.PENDING)));
        return new ExportView(job.id(), job.status(), progress, job.createdAt(), job.completedAt(), job.expiresAt());
    }
}
