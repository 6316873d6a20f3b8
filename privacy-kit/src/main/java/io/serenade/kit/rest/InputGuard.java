package io.serenade.kit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serenade.kit.json.ControlCharacters;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every request's input must be, in every service: text without control characters (in every body field, query
 * and path parameter, at any depth; C0 but tab and newline, see ControlCharacters), so that no store ever meets one
 * (PostgreSQL refuses NUL), and on a member's own routes ({@code serenade.input.self-routes}, the gateway's
 * {@code /api/v1/me}) no field or parameter naming a user, since the member is the token's subject and nobody else.
 * The gateway checks first; each service checks again, as no service trusts its caller's checks. A request that
 * breaks either is a 400 naming each offending field; nothing is written.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER) // requests only: the REST clients read the services' answers as they are
public class InputGuard implements ReaderInterceptor {

    private static final String ME_ROUTE = "serenade.me-route";

    /** Names a client could use to point at a user, compared without case, '-' or '_'. */
    private static final Set<String> USER_FIELDS = Set.of("userid", "user", "users", "uid", "memberid", "member",
            "subject", "sub", "accountid", "account", "ownerid", "owner");
    private static final int MAX_DEPTH = 32;

    /** The path prefix of a member's own routes, if this service has such routes (the gateway). */
    private final Optional<String> self = ConfigProvider.getConfig().getOptionalValue("serenade.input.self-routes", String.class);

    /** Query and path parameters, checked before the resource or any body is read. */
    @ServerRequestFilter
    public Optional<Response> parameters(ContainerRequestContext request, UriInfo uri) {
        boolean me = isMe(uri.getPath());
        request.setProperty(ME_ROUTE, me);
        List<Problem.FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        query.forEach((name, values) -> {
            if (me && namesAUser(name)) {
                errors.add(new Problem.FieldError(name, "must not be sent: this route is about the token's own user"));
            }
            if (ControlCharacters.forbidden(name) || values.stream().anyMatch(ControlCharacters::forbidden)) {
                errors.add(new Problem.FieldError(name, ControlCharacters.MESSAGE));
            }
        });
        uri.getPathParameters().forEach((name, values) -> {
            if (values.stream().anyMatch(ControlCharacters::forbidden)) {
                errors.add(new Problem.FieldError(name, ControlCharacters.MESSAGE));
            }
        });
        return errors.isEmpty() ? Optional.empty() : Optional.of(ProblemMappers.invalid(errors, uri));
    }

    /** Every body, once read: a JSON tree or a typed record, walked to its leaves. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        List<Problem.FieldError> errors = new ArrayList<>();
        walk(body, "", Boolean.TRUE.equals(context.getProperty(ME_ROUTE)), errors, 0);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return body;
    }

    private boolean isMe(String path) {
        return self.filter(me -> path.equals(me) || path.startsWith(me + "/")).isPresent();
    }

    static boolean namesAUser(String field) {
        return USER_FIELDS.contains(field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
    }

    private static void walk(Object value, String at, boolean me, List<Problem.FieldError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof JsonNode node) {
            tree(node, at, me, errors, depth);
        } else if (value instanceof CharSequence text) {
            if (ControlCharacters.forbidden(text.toString())) {
                errors.add(new Problem.FieldError(at.isEmpty() ? "body" : at, ControlCharacters.MESSAGE));
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, at + "[" + i++ + "]", me, errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                field(key, at, me, errors);
                walk(v, join(at, key), me, errors, depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    walk(c.getAccessor().invoke(value), join(at, c.getName()), me, errors, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
        }
    }

    private static void tree(JsonNode node, String at, boolean me, List<Problem.FieldError> errors, int depth) {
        if (node.isTextual()) {
            walk(node.textValue(), at, me, errors, depth);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                tree(node.get(i), at + "[" + i + "]", me, errors, depth + 1);
            }
        } else if (node.isObject() && depth <= MAX_DEPTH) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                field(e.getKey(), at, me, errors);
                tree(e.getValue(), join(at, e.getKey()), me, errors, depth + 1);
            }
        }
    }

    private static void field(String name, String at, boolean me, List<Problem.FieldError> errors) {
        if (ControlCharacters.forbidden(name)) {
            errors.add(new Problem.FieldError(join(at, "(a field name)"), ControlCharacters.MESSAGE));
        } else if (me && namesAUser(name)) {
            errors.add(new Problem.FieldError(join(at, name), "must not be sent: this route is about the token's own user"));
        }
    }

    private static String join(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    /** A body with fields that {@link InputGuard} refuses. */
    public static final class InvalidInput extends RuntimeException {
        private final transient List<Problem.FieldError> errors;

        InvalidInput(List<Problem.FieldError> errors) {
            super("invalid input", null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
