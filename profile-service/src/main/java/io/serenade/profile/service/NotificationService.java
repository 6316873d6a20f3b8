package io.serenade.profile.service;

import io.serenade.events.DataCategories;
import io.serenade.events.DataUseRecorded;
import io.serenade.events.Purposes;
import io.serenade.events.Services;
import io.serenade.profile.api.NotificationDecisionPage;
import io.serenade.profile.api.NotificationDecisionRequest;
import io.serenade.profile.api.NotificationDecisionView;
import io.serenade.profile.api.NotificationSettingsUpdate;
import io.serenade.profile.api.NotificationSettingsView;
import io.serenade.profile.config.ProfileConfig;
import io.serenade.profile.mapping.NotificationMapper;
import io.serenade.profile.messaging.DataUsePublisher;
import io.serenade.profile.model.NotificationDecision;
import io.serenade.profile.model.NotificationSettings;
import io.serenade.profile.pacing.NotificationPacer;
import io.serenade.profile.pacing.NotificationPacer.Decision;
import io.serenade.profile.pacing.NotificationPacer.Situation;
import io.serenade.profile.pacing.NotificationPacer.Urgency;
import io.serenade.kit.consent.ConsentViewStore;
import io.serenade.profile.repository.NotificationDecisionRepository;
import io.serenade.profile.repository.NotificationSettingsRepository;
import io.serenade.profile.repository.ProfileRepository;
import io.serenade.profile.repository.UserLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Notification pacing: decides whether a notification may go out now, on this service's own consent view and
 * the user's profile, settings and recent decisions, and records every decision. One decision per user at a
 * time (a per-user advisory lock for the transaction), so concurrent requests cannot both fit under a cap.
 */
@ApplicationScoped
public class NotificationService {

    /** How far back allowed notifications are read: the weekly window (seven local days) with a day to spare. */
    private static final Duration CAP_LOOKBACK = Duration.ofDays(8);

    private static final List<String> PURPOSES = List.of(Purposes.NOTIFICATIONS);
    private static final List<String> CATEGORIES = List.of(DataCategories.PROFILE, DataCategories.NOTIFICATION_DECISIONS);
    private static final List<String> SERVICES = List.of(Services.PROFILE);

    private final Pool pool;
    private final ConsentViewStore consent;
    private final ProfileRepository profiles;
    private final NotificationSettingsRepository settings;
    private final NotificationDecisionRepository decisions;
    private final DataUsePublisher dataUse;
    private final ProfileConfig.Notifications config;

    public NotificationService(Pool pool, ConsentViewStore consent, ProfileRepository profiles,
                               NotificationSettingsRepository settings, NotificationDecisionRepository decisions,
                               DataUsePublisher dataUse, ProfileConfig config) {
        this.pool = pool;
        this.consent = consent;
        this.profiles = profiles;
        this.settings = settings;
        this.decisions = decisions;
        this.dataUse = dataUse;
        this.config = config.notifications();
    }

    /**
     * Decides, and records the decision when consented to. Without consent only the consent view is read, nothing
     * else of the user's is used and nothing is stored (the answer is DENY no-consent); with it, the use of their profile and decisions is published as a data-use record before the
     * decision commits, so no decision exists whose data use went unrecorded.
     */
    public Uni<NotificationDecisionView> decide(NotificationDecisionRequest request) {
        String userId = request.userId();
        String kind = request.kind();
        Urgency urgency = Urgency.valueOf(request.urgency());
        Duration repeatWindow = config.repeatWindow(kind);
        NotificationDecision record = new NotificationDecision();
        record.id = UUID.randomUUID();
        record.userId = userId;
        record.kind = kind;
        record.urgency = urgency.name();

        return pool.withTransaction(c -> UserLock.lock(c, userId)
                .chain(() -> consent.find(c, userId))
                .chain(view -> {
                    // The clock is read once the lock is held: a decision that waited for another must come after it.
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
                    record.decidedAt = now;
                    if (view == null || !view.permits(Purposes.NOTIFICATIONS)) {
                        // Answered but not recorded: a row here would be per-user data kept without consent, and
                        // for any id at all (an erased user's included). Nothing of the user's is used either.
                        Situation none = new Situation(false, ZoneOffset.UTC, defaults(), List.of(), repeatWindow);
                        return Uni.createFrom().item(fill(record, NotificationPacer.decide(kind, urgency, none, now)));
                    }
                    Instant since = now.minus(repeatWindow.compareTo(CAP_LOOKBACK) > 0 ? repeatWindow : CAP_LOOKBACK);
                    // One query after the other: concurrent queries on one transaction's connection were seen to
                    // stall under load, holding the user's lock.
                    return profiles.timeZone(c, userId)
                            .chain(zone -> settings.find(c, userId)
                                    .chain(stored -> decisions.allowedSince(c, userId, since)
                                            .map(allowed -> new Situation(true, zoneOf(zone),
                                                    stored == null ? defaults() : NotificationMapper.toPacing(stored),
                                                    allowed, repeatWindow))))
                            .chain(situation -> dataUse.publish(new DataUseRecorded(DataUseRecorded.VERSION,
                                            record.id.toString(), userId, PURPOSES, CATEGORIES, SERVICES, now))
                                    .chain(() -> save(c, record, NotificationPacer.decide(kind, urgency, situation, now))));
                }))
                .map(NotificationMapper::toView);
    }

    private Uni<NotificationDecision> save(SqlConnection c, NotificationDecision record, Decision decision) {
        return decisions.insert(c, fill(record, decision)).replaceWith(record);
    }

    private static NotificationDecision fill(NotificationDecision record, Decision decision) {
        record.decision = decision.outcome().name();
        record.reason = decision.reason().code();
        record.deferUntil = decision.deferUntil();
        return record;
    }

    public Uni<NotificationDecisionPage> decisions(String userId, int page, int size) {
        // One after the other: a reactive Hibernate session must not run two queries at once.
        return decisions.pageForUser(userId, page, size).chain(rows -> decisions.countForUser(userId)
                .map(total -> new NotificationDecisionPage(rows.stream().map(NotificationMapper::toView).toList(),
                        page, size, total)));
    }

    public Uni<NotificationSettingsView> settings(String userId) {
        return settings.findById(userId).map(s -> NotificationMapper.toView(s == null ? defaultsFor(userId) : s));
    }

    public Uni<NotificationSettingsView> replaceSettings(String userId, NotificationSettingsUpdate update) {
        return settings.upsert(userId, update.perDay(), update.perWeek(), LocalTime.parse(update.quietStart()),
                LocalTime.parse(update.quietEnd())).map(NotificationMapper::toView);
    }

    private NotificationPacer.Settings defaults() {
        return new NotificationPacer.Settings(config.defaultPerDay(), config.defaultPerWeek(), config.defaultQuietStart(),
                config.defaultQuietEnd());
    }

    private NotificationSettings defaultsFor(String userId) {
        NotificationSettings s = new NotificationSettings();
        s.userId = userId;
        s.perDay = config.defaultPerDay();
        s.perWeek = config.defaultPerWeek();
        s.quietStart = config.defaultQuietStart();
        s.quietEnd = config.defaultQuietEnd();
        return s;
    }

    /** The profile's zone; UTC for a user without a profile (or, defensively, with a zone this JVM lacks). */
    static ZoneId zoneOf(String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
