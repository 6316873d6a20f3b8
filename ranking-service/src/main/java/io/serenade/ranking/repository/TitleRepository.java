package io.serenade.ranking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.serenade.ranking.model.Title;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Catalog titles. */
@ApplicationScoped
@WithSession
public class TitleRepository implements PanacheRepositoryBase<Title, String> {

    /** The newest change in the catalog: the snapshot reloads titles only when it moves. */
    public Uni<Instant> lastChange() {
        return find("select max(t.updatedAt) from Title t").project(Instant.class).firstResult();
    }

    public Uni<List<Title>> page(int index, int size) {
        return findAll(Sort.by("titleId")).page(Page.of(index, size)).list();
    }
}
