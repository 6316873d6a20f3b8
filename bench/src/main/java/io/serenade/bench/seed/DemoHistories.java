package io.serenade.bench.seed;

import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated viewing histories. A user watches mostly titles of their genres, and popular titles more than
 * obscure ones (a power law over the catalog order). Event ids derive from the seed, so seeding twice adds
 * nothing: every consumer applies events idempotently by id.
 */
public final class DemoHistories {

    private final List<DemoCatalog.Title> titles;

    public DemoHistories(DemoCatalog catalog) {
        this.titles = catalog.titles();
    }

    public List<InteractionRecorded> history(String userId, List<String> genres, int events, String timeZone, long seed) {
        Random rnd = new Random(seed ^ userId.hashCode());
        List<DemoCatalog.Title> liked = titles.stream().filter(t -> t.genres().stream().anyMatch(genres::contains)).toList();
        List<InteractionRecorded> out = new ArrayList<>(events);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < events; i++) {
            List<DemoCatalog.Title> pool = rnd.nextDouble() < 0.8 && !liked.isEmpty() ? liked : titles;
            DemoCatalog.Title title = pool.get(powerLawIndex(pool.size(), rnd));
            double r = rnd.nextDouble();
            InteractionType type = r < 0.55 ? InteractionType.PLAY : r < 0.75 ? InteractionType.COMPLETE
                    : r < 0.85 ? InteractionType.RATING : InteractionType.CLICK;
            Double value = switch (type) {
                case PLAY -> (double) (5 + rnd.nextInt(110));
                case RATING -> pool == liked ? 3.5 + rnd.nextInt(4) * 0.5 : 1.0 + rnd.nextInt(5);
                default -> null;
            };
            Instant at = now.minus(1 + rnd.nextInt(60 * 24 * 60), ChronoUnit.MINUTES);
            UUID id = UUID.nameUUIDFromBytes((seed + ":" + userId + ":" + i).getBytes(StandardCharsets.UTF_8));
            out.add(new InteractionRecorded(0, id, userId, title.titleId(), type, value, null, null, null,
                    new InteractionContext(rnd.nextBoolean() ? "tv" : "mobile", null, timeZone, LocalTime.of(rnd.nextInt(24), rnd.nextInt(60))),
                    at));
        }
        return out;
    }

    /**
     * Index skewed to the front: the density falls like 1/sqrt(rank), so the head is popular without a
     * handful of titles (and their other genres) dominating every history.
     */
    static int powerLawIndex(int size, Random rnd) {
        double u = rnd.nextDouble();
        return Math.min(size - 1, (int) (size * u * u));
    }
}
