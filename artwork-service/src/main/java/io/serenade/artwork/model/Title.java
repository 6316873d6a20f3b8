package io.serenade.artwork.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A catalog title as artwork-service knows it (from the catalog topic): only what posters need. */
@Entity
@Table(name = "titles")
public class Title extends PanacheEntityBase {

    @Id
    @Column(name = "title_id")
    public String titleId;

    public String name;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
