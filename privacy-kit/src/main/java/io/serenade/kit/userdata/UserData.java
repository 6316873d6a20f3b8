package io.serenade.kit.userdata;

import io.serenade.events.userdata.UserDataExport;
import io.serenade.events.userdata.UserDataSummary;
import io.smallrye.mutiny.Uni;

/**
 * The one thing a service implements so that a member sees what it holds about them: the summary behind
 * transparency and the whole of it for the export. The kit serves both to consent-service.
 */
public interface UserData {

    /** Per category and store: how many records, the oldest and the newest. Counts and dates only. */
    Uni<UserDataSummary> summary(String userId);

    /** Everything, raw and inferred, keyed by data category; inferred data carries its explanation. */
    Uni<UserDataExport> export(String userId);
}
