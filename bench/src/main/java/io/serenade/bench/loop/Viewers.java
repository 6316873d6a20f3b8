package io.serenade.bench.loop;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated viewers of one run. Ids carry the run id, so a rerun meets the service as new viewers (no sticky
 * images, no learned taste); segments are drawn once from the seed, so a viewer's taste never changes within a run.
 */
final class Viewers {

    /** One simulated viewer. */
    record Viewer(String id, Segment segment) {
    }

    private final List<Viewer> all;

    Viewers(String run, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one viewer");
        }
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Segment[] segments = Segment.values();
        List<Viewer> viewers = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            viewers.add(new Viewer("loop-" + run + "-u-" + k, segments[random.nextInt(segments.length)]));
        }
        this.all = List.copyOf(viewers);
    }

    List<Viewer> all() {
        return all;
    }

    /** A viewer chosen uniformly: the one who opens the next page. */
    Viewer pick(UniformRandomProvider random) {
        return all.get(random.nextInt(all.size()));
    }
}
