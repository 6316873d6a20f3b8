package io.serenade.consent.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The shapes of path and query parameters, checked where they enter. Numbers and instants are taken as text and
 * checked by pattern or parsed here: a JAX-RS conversion failure would answer 404, and a bad parameter is a 400
 * naming it.
 */
final class Params {

    /** OIDC subjects and demo ids: letters, digits, '-', '_' — nothing that could be a path trick. */
    static final String USER_ID = "[A-Za-z0-9_-]{1,64}";
    static final String USER_ID_MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String UUID_MESSAGE = "must be a UUID";

    static final String PAGE = "[0-9]{1,6}";
    static final String PAGE_MESSAGE = "must be a whole number from 0";
    static final String SIZE = "[1-9][0-9]?|1[0-9][0-9]|200";
    static final String SIZE_MESSAGE = "must be a whole number from 1 to 200";

    /**
     * The instants a query may name: [2000, 2100] in UTC. Wider years parse (OffsetDateTime reaches +999999999)
     * but overflow the window arithmetic or PostgreSQL's timestamptz range and would answer 500, and no record
     * of this service lies outside them.
     */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant AFTER_LATEST = Instant.parse("2101-01-01T00:00:00Z");

    private Params() {
    }

    /**
     * An ISO-8601 instant with a zone ({@code 2026-11-24T10:00:00Z} or {@code ...+01:00}) within the years 2000 to
     * 2100 (UTC); null stays null.
     */
    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "must be an ISO-8601 instant with a zone, e.g. 2026-11-24T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
            throw new InvalidParameterException(field, "must be within the years 2000 to 2100 (UTC)");
        }
        return instant;
    }
}
