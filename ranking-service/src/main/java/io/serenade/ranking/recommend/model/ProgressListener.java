package io.serenade.ranking.recommend.model;

/**
 * Receives the progress of a model training, so a caller can show it or log it: {@code fraction} is the share of
 * the whole training done (0..1, never decreasing) and {@code stage} names what is running.
 */
@FunctionalInterface
public interface ProgressListener {

    void progress(String stage, double fraction);

    static ProgressListener none() {
        return (stage, fraction) -> {
        };
    }
}
