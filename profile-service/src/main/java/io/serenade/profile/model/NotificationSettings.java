package io.serenade.profile.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/** A user's own notification caps and quiet hours; absent while they keep the defaults. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "per_day")
    public int perDay;

    @Column(name = "per_week")
    public int perWeek;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
