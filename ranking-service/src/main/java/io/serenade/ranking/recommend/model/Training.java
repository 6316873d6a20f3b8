package io.serenade.ranking.recommend.model;

import java.util.concurrent.CancellationException;

/** Helpers shared by the trainings: cancellation points between stages and chunks. */
final class Training {

    private Training() {
    }

    /** A training runs on a worker the service may interrupt; stopping between chunks keeps the last model in use. */
    static void checkInterrupted(String stage) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("training cancelled during " + stage);
        }
    }
}
