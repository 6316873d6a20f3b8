package io.serenade.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * How every REST client reads another service's answer: with {@link StrictJson}'s types, but skipping a field this
 * version does not know yet, so services can be upgraded one at a time. A client interface registers it with
 * {@code @RegisterProvider(TolerantAnswers.class)}. It is deliberately not a global {@code @Provider}: the server
 * would read requests with it too (seen in {@code StrictInputTest}), and requests a service receives stay strict.
 */
@Singleton
public class TolerantAnswers implements ContextResolver<ObjectMapper> {

    private final ObjectMapper tolerant;

    public TolerantAnswers(ObjectMapper strict) {
        this.tolerant = StrictJson.tolerant(strict);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return tolerant;
    }
}
