package io.serenade.consent.service;

import io.serenade.consent.api.DataUsePage;
import io.serenade.consent.repository.DataUseRepository;
import io.serenade.events.DataUseRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The data-use log: what of a user's data was used, for which purposes, by which services, and when. */
@ApplicationScoped
public class DataUseService {

    private final DataUseRepository dataUse;

    public DataUseService(DataUseRepository dataUse) {
        this.dataUse = dataUse;
    }

    /**
     * A record the log can hold: with its request, user and time, and names a list can show (the consumer parks
     * any other: it could be neither found nor shown).
     */
    public static boolean complete(DataUseRecorded r) {
        return r != null && r.requestId() != null && !r.requestId().isBlank() && r.userId() != null
                && !r.userId().isBlank() && r.occurredAt() != null && namesAreListable(r);
    }

    /** Stores a batch of {@link #complete} records, each once (by request and user), and returns how many were new. */
    public Uni<Integer> record(List<DataUseRecorded> batch) {
        return dataUse.insertIgnoringDuplicates(batch);
    }

    /** A page of the user's log within [from, to], newest first, with the total in the window. */
    public Uni<DataUsePage> page(String userId, Instant from, Instant to, int page, int size) {
        return Uni.combine().all().unis(dataUse.page(userId, from, to, page, size), dataUse.count(userId, from, to))
                .with((items, total) -> new DataUsePage(from, to, items, page, size, total));
    }

    /** Deletes the records that occurred before the cutoff; returns how many. */
    public Uni<Integer> purgeBefore(Instant cutoff) {
        return dataUse.purgeBefore(cutoff);
    }

    /** The repository stores the lists comma-joined; a name with a comma (no known one has) would split. */
    private static boolean namesAreListable(DataUseRecorded r) {
        return Stream.of(r.purposes(), r.dataCategories(), r.services()).allMatch(names -> names != null
                && names.stream().allMatch(name -> name != null && !name.isEmpty() && name.indexOf(',') < 0));
    }
}
