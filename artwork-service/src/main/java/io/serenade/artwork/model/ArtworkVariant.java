package io.serenade.artwork.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** One artwork variant of a title. {@code imageUrl} is null for a variant served as a generated poster. */
@Entity
@Table(name = "artwork_variants")
public class ArtworkVariant extends PanacheEntityBase {

    @Id
    @Column(name = "artwork_id")
    public String artworkId;

    @Column(name = "title_id")
    public String titleId;

    @Column(name = "image_url")
    public String imageUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", columnDefinition = "text[]")
    public List<String> tags;

    @Column(name = "dominant_colour")
    public String dominantColour;

    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
