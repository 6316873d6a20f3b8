package io.serenade.kit.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON means what it says, in every service. Jackson by default reads {@code "1"} and {@code 1.5} as the integer 1,
 * {@code "true"} as a boolean, an enum's ordinal ({@code 0} or {@code "0"}) as its first constant, and skips fields
 * it does not know. A privacy platform that guesses what a client meant hides the client's bug: {@code
 * {"experimentation": "0"}} would record a grant. A value of the wrong type, an enum by number and an unknown field
 * are each a 400 naming the field (see {@code ProblemMappers}).
 * <p>
 * This is the server's reading of requests. A REST client reading another service's answer stays tolerant of
 * fields it does not know (see {@link #tolerant}), so services can be upgraded one at a time.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The strict rules, for a mapper made outside CDI (and for tests of this class). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The reading of another service's answer: the same types, but a field this version does not know is skipped.
     * A REST client interface uses it through {@code @ClientObjectMapper}.
     */
    public static ObjectMapper tolerant(ObjectMapper strict) {
        return strict.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
