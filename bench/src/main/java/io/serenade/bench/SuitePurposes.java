package io.serenade.bench;

import io.serenade.events.GrantedPurposes;
import io.serenade.events.PurposeToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Tools that call a service directly, as the gateway does, sign the granted purposes as the gateway does: with
 * the local suite's key ({@code SERENADE_PURPOSES_SIGNING_KEY}, else the file {@code ./serenade up} made).
 */
public final class SuitePurposes {

    private SuitePurposes() {
    }

    /**
     * Prints signed purposes for viewers {@code <prefix>1 .. <prefix><users>}, one per line, for load scripts
     * that cannot sign (wrk's Lua): {@code purpose-tokens --users 10000 --prefix bench-u- --purposes a,b
     * [--lifetime-seconds 3600]}. The lifetime covers one benchmark run; the tokens are as good as the key.
     */
    public static void main(String[] args) {
        Options o = Options.parse(args);
        int users = o.getInt("users", 10000);
        String prefix = o.get("prefix", "bench-u-");
        GrantedPurposes granted = GrantedPurposes.parse(o.get("purposes", "artwork-personalization"));
        PurposeToken signer = tokens(Duration.ofSeconds(o.getInt("lifetime-seconds", 3600)));
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= users; i++) {
            out.append(signer.sign(prefix + i, granted, now)).append('\n');
        }
        System.out.print(out);
    }

    public static PurposeToken tokens() {
        return tokens(Duration.ofSeconds(30));
    }

    private static PurposeToken tokens(Duration lifetime) {
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
        return new PurposeToken(key, lifetime);
    }
}
