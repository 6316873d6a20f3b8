package io.serenade.profile.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One pacing decision. Written by the decision transaction in SQL, read by Panache. */
@Entity
@Table(name = "notification_decisions")
public class NotificationDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    public String kind;

    public String urgency;

    public String decision;

    /** A {@link io.serenade.profile.pacing.NotificationPacer.Reason} code. */
    public String reason;

    @Column(name = "defer_until")
    public Instant deferUntil;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
