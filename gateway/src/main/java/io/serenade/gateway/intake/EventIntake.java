package io.serenade.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.events.InteractionContext;
import io.serenade.events.InteractionRecorded;
import io.serenade.events.InteractionType;
import io.serenade.kit.json.ControlCharacters;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the body of POST /me/events — one event object or an array of them — into events for one user,
 * or into the list of every offending field ({@code [3].occurredAt}, {@code context.timeZone}). All or
 * nothing: one bad event rejects the batch, so a client never has to work out which half was taken.
 * The user comes from the token, never from the body; a body naming a user is refused like any unknown field.
 */
public final class EventIntake {

    /** A field the client got wrong, named by its path in the body. */
    public record FieldError(String field, String message) {
    }

    /** Either the events (errors empty) or why not. */
    public record Result(List<InteractionRecorded> events, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Set<String> FIELDS = Set.of("eventId", "titleId", "type", "value", "artworkId", "impressionId",
            "query", "context", "occurredAt");
    private static final Set<String> CONTEXT_FIELDS = Set.of("device", "locale", "timeZone", "localTime");
    private static final int MAX_QUERY = 200;

    private final int maxBatch;
    private final Duration maxFutureSkew;
    private final Duration maxAge;

    public EventIntake(int maxBatch, Duration maxFutureSkew, Duration maxAge) {
        this.maxBatch = maxBatch;
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    public Result read(JsonNode body, String userId, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        List<InteractionRecorded> events = new ArrayList<>();
        if (body == null || body.isNull() || body.isMissingNode()) {
            errors.add(new FieldError("body", "must be an event object or an array of 1 to " + maxBatch + " events"));
        } else if (body.isArray()) {
            if (body.isEmpty() || body.size() > maxBatch) {
                errors.add(new FieldError("body", "must hold 1 to " + maxBatch + " events, not " + body.size()));
            } else {
                for (int i = 0; i < body.size(); i++) {
                    events.add(event(body.get(i), "[" + i + "]", userId, now, errors));
                }
            }
        } else if (body.isObject()) {
            events.add(event(body, "", userId, now, errors));
        } else {
            errors.add(new FieldError("body", "must be an event object or an array of events"));
        }
        return errors.isEmpty() ? new Result(List.copyOf(events), List.of()) : new Result(List.of(), List.copyOf(errors));
    }

    /**
     * The events with the text of every SEARCH removed: what is kept when the user has not granted search-history.
     * The search itself stays (that the user searched, when, on which device): only what they typed goes.
     */
    public static List<InteractionRecorded> withoutSearchText(List<InteractionRecorded> events) {
        return events.stream().map(e -> e.query() == null ? e
                : new InteractionRecorded(e.version(), e.eventId(), e.userId(), e.titleId(), e.type(), e.value(),
                e.artworkId(), e.impressionId(), null, e.context(), e.occurredAt())).toList();
    }

    /** Whether any event carries search text (only SEARCH events may). */
    public static boolean anySearchText(List<InteractionRecorded> events) {
        return events.stream().anyMatch(e -> e.query() != null);
    }

    private InteractionRecorded event(JsonNode node, String at, String userId, Instant now, List<FieldError> errors) {
        int before = errors.size();
        if (!node.isObject()) {
            errors.add(new FieldError(at.isEmpty() ? "body" : at, "must be an event object"));
            return null;
        }
        unknownFields(node, FIELDS, at, errors);

        UUID eventId = null;
        String rawId = text(node, "eventId", at, true, errors);
        if (rawId != null) {
            try {
                eventId = UUID.fromString(rawId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path(at, "eventId"), "must be a UUID, chosen by the client so retries are safe"));
            }
        }
        InteractionType type = null;
        String rawType = text(node, "type", at, true, errors);
        if (rawType != null) {
            try {
                type = InteractionType.valueOf(rawType);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path(at, "type"), "must be one of " + Arrays.toString(InteractionType.values())));
            }
        }
        String titleId = text(node, "titleId", at, type != null && type != InteractionType.SEARCH, errors);
        matches(titleId, ID, "titleId", at, errors);
        String artworkId = text(node, "artworkId", at, false, errors);
        matches(artworkId, ID, "artworkId", at, errors);
        String impressionId = text(node, "impressionId", at, false, errors);
        matches(impressionId, ID, "impressionId", at, errors);
        String query = text(node, "query", at, type == InteractionType.SEARCH, errors);
        if (query != null && (query.isBlank() || query.length() > MAX_QUERY)) {
            errors.add(new FieldError(path(at, "query"), "must be 1 to " + MAX_QUERY + " characters"));
        } else if (query != null && type != null && type != InteractionType.SEARCH) {
            errors.add(new FieldError(path(at, "query"), "is only for SEARCH events"));
        }
        Double value = value(node, type, at, errors);
        InteractionContext context = context(node.get("context"), path(at, "context"), errors);
        Instant occurredAt = occurredAt(node, at, now, errors);

        if (errors.size() > before) {
            return null;
        }
        return new InteractionRecorded(0, eventId, userId, titleId, type, value, artworkId, impressionId, query,
                context, occurredAt);
    }

    private Double value(JsonNode node, InteractionType type, String at, List<FieldError> errors) {
        JsonNode v = node.get("value");
        boolean absent = v == null || v.isNull();
        if (type == InteractionType.RATING && absent) {
            errors.add(new FieldError(path(at, "value"), "is required for RATING (0.5 to 5)"));
            return null;
        }
        if (absent) {
            return null;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(path(at, "value"), "must be a number"));
            return null;
        }
        double d = v.asDouble();
        if (type == InteractionType.RATING && (d < 0.5 || d > 5)) {
            errors.add(new FieldError(path(at, "value"), "must be a rating from 0.5 to 5"));
        } else if (!Double.isFinite(d) || d < 0 || d > 100_000) {
            errors.add(new FieldError(path(at, "value"), "must be between 0 and 100000"));
        }
        return d;
    }

    private static InteractionContext context(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(at, "must be an object with device, locale, timeZone, localTime"));
            return null;
        }
        unknownFields(node, CONTEXT_FIELDS, at, errors);
        String device = text(node, "device", at, false, errors);
        matches(device, DEVICE, "device", at, errors);
        String locale = text(node, "locale", at, false, errors);
        matches(locale, LOCALE, "locale", at, errors);
        String zone = text(node, "timeZone", at, false, errors);
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new FieldError(path(at, "timeZone"), "must be an IANA time-zone id such as Europe/Paris"));
        }
        LocalTime localTime = null;
        String time = text(node, "localTime", at, false, errors);
        if (time != null) {
            try {
                localTime = LocalTime.parse(time);
            } catch (DateTimeException e) {
                errors.add(new FieldError(path(at, "localTime"), "must be a time of day such as 21:15"));
            }
        }
        return new InteractionContext(device, locale, zone, localTime);
    }

    private Instant occurredAt(JsonNode node, String at, Instant now, List<FieldError> errors) {
        String raw = text(node, "occurredAt", at, true, errors);
        if (raw == null) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(raw);
        } catch (DateTimeException e) {
            errors.add(new FieldError(path(at, "occurredAt"), "must be an ISO-8601 instant such as 2026-11-23T21:15:00Z"));
            return null;
        }
        if (t.isAfter(now.plus(maxFutureSkew))) {
            errors.add(new FieldError(path(at, "occurredAt"), "is more than " + maxFutureSkew.toMinutes() + " minutes in the future"));
        } else if (t.isBefore(now.minus(maxAge))) {
            errors.add(new FieldError(path(at, "occurredAt"), "is older than " + maxAge.toDays() + " days"));
        }
        return t;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<FieldError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(path(at, name), "is not a field of this object"
                        + ("userId".equals(name) ? " (the user is the token's subject)" : "")));
            }
        }
    }

    private static String text(JsonNode node, String field, String at, boolean required, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(path(at, field), "is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(path(at, field), "must be a string"));
            return null;
        }
        if (ControlCharacters.forbidden(v.asText())) {
            // NUL would reach PostgreSQL (which refuses it) in the consumers; the others hide text from its reader.
            errors.add(new FieldError(path(at, field), ControlCharacters.MESSAGE));
            return null;
        }
        return v.asText();
    }

    private static void matches(String value, Pattern pattern, String field, String at, List<FieldError> errors) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(path(at, field), "must match " + pattern.pattern()));
        }
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }
}
