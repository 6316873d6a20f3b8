package io.serenade.artwork;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.serenade.artwork.model.ArtworkVariant;
import io.serenade.artwork.repository.ArtworkVariantRepository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The variant repository against the real PostgreSQL test database. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ArtworkVariantRepositoryTest {

    private final ArtworkVariantRepository repository;

    ArtworkVariantRepositoryTest(ArtworkVariantRepository repository) {
        this.repository = repository;
    }

    @Test
    @RunOnVertxContext
    void upsertCreatesThenReplacesKeepingTheCreationTime(UniAsserter asserter) {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        AtomicReference<ArtworkVariant> created = new AtomicReference<>();

        asserter.assertThat(() -> repository.upsert(variant(title, artwork, List.of("faces"), true)), v -> {
            assertThat(v.tags).containsExactly("faces");
            assertThat(v.imageUrl).isNull();
            assertThat(v.createdAt).isEqualTo(v.updatedAt);
            created.set(v);
        });
        asserter.assertThat(() -> repository.upsert(variant(title, artwork, List.of("bright", "minimal"), false)), v -> {
            assertThat(v.tags).containsExactly("bright", "minimal");
            assertThat(v.enabled).isFalse();
            assertThat(v.createdAt).isEqualTo(created.get().createdAt);
            assertThat(v.updatedAt).isAfter(created.get().updatedAt);
        });
        asserter.assertThat(() -> repository.listForTitle(title),
                list -> assertThat(list).singleElement().satisfies(v -> assertThat(v.tags).containsExactly("bright", "minimal")));
    }

    @Test
    @RunOnVertxContext
    void anArtworkIdTakenByAnotherTitleIsNotMoved(UniAsserter asserter) {
        String title = Variants.id("t");
        String artwork = Variants.id("a");
        asserter.execute(() -> repository.upsert(variant(title, artwork, List.of(), true)));
        asserter.assertThat(() -> repository.upsert(variant(Variants.id("t"), artwork, List.of(), true)),
                v -> assertThat(v).isNull());
        asserter.assertThat(() -> repository.findById(artwork), v -> assertThat(v.titleId).isEqualTo(title));
    }

    @Test
    @RunOnVertxContext
    void theSnapshotSourceHoldsEnabledVariantsOnly(UniAsserter asserter) {
        String title = Variants.id("t");
        String on = Variants.id("a");
        String off = Variants.id("a");
        asserter.execute(() -> repository.upsert(variant(title, on, List.of("faces"), true)));
        asserter.execute(() -> repository.upsert(variant(title, off, List.of(), false)));
        asserter.assertThat(() -> repository.listEnabled(), all -> assertThat(all)
                .filteredOn(v -> v.titleId.equals(title)).extracting(v -> v.artworkId).containsExactly(on));
    }

    private static ArtworkVariant variant(String title, String artwork, List<String> tags, boolean enabled) {
        ArtworkVariant v = new ArtworkVariant();
        v.titleId = title;
        v.artworkId = artwork;
        v.tags = tags;
        v.enabled = enabled;
        return v;
    }
}
