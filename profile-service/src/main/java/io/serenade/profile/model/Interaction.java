package io.serenade.profile.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** One accepted interaction of a user with a title (history). Written in bulk by the consumer, read by Panache. */
@Entity
@Table(name = "interactions")
public class Interaction extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "title_id")
    public String titleId;

    public String type;

    public Double value;

    @Column(name = "artwork_id")
    public String artworkId;

    @Column(name = "impression_id")
    public String impressionId;

    public String query;

    public String device;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "local_time")
    public LocalTime localTime;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
