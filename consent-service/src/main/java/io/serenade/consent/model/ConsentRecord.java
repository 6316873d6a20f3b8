package io.serenade.consent.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One row of the consent ledger: a user's answer for one purpose from {@code recordedAt} on. Immutable, so
 * Hibernate never issues an UPDATE (the table's trigger would reject it anyway).
 */
@Entity
@Immutable
@Table(name = "consent_ledger")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id")
    public String userId;

    public String purpose;

    /** GRANTED, DENIED or WITHDRAWN (the database checks it). */
    public String state;

    @Column(name = "policy_version")
    public String policyVersion;

    /** Where the user answered: web, app, tv or api. */
    public String source;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
