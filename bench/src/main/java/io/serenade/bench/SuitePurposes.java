package io.serenade.bench;

import io.serenade.events.PurposeToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Tools that call a service directly, as the gateway does, sign the granted purposes as the gateway does: with
 * the local suite's key ({@code SERENADE_PURPOSES_SIGNING_KEY}, else the file {@code ./serenade up} made).
 */
public final class SuitePurposes {

    private SuitePurposes() {
    }

    public static PurposeToken tokens() {
        String key = System.getenv("SERENADE_PURPOSES_SIGNING_KEY");
        if (key == null || key.isBlank()) {
            Path file = Path.of(".serenade", "purposes-signing.key");
            try {
                key = Files.readString(file).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("no purposes signing key: set SERENADE_PURPOSES_SIGNING_KEY or run from the "
                        + "repository root after ./serenade up (" + file + ")", e);
            }
        }
        return new PurposeToken(key, Duration.ofSeconds(30));
    }
}
