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

/** A user's stated preferences, keyed by the OIDC subject. */
@Entity
@Table(name = "profiles")
public class Profile extends PanacheEntityBase {

    /** A little variety by default: the dial's middle would surprise, zero would be a bubble. */
    public static final double DEFAULT_DIVERSITY = 0.3;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "display_name")
    public String displayName;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "maturity_rating")
    public String maturityRating;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "favourite_genres", columnDefinition = "text[]")
    public List<String> favouriteGenres;

    /** 0..1: how far from the user's usual genres their pages may reach. */
    public double diversity;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
