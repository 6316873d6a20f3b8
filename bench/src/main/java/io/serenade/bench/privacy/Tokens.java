package io.serenade.bench.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the bench needs from an access token: whose it is. The gateway verifies it; the bench only reads it. */
final class Tokens {

    private Tokens() {
    }

    static String subject(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
