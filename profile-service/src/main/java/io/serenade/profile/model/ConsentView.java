package io.serenade.profile.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** This service's own record of a user's granted purposes, as last read from consent-changes. */
@Entity
@Table(name = "consent_view")
public class ConsentView extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "granted", columnDefinition = "text[]")
    public List<String> granted;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "applied_at")
    public Instant appliedAt;
}
