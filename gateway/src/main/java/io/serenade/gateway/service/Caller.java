package io.serenade.gateway.service;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.regex.Pattern;

/**
 * Who is calling: the token's subject, the only user id the public API ever uses, once the caller's
 * rate budget allows the request. No route takes a user id from the path, the query or the body (the
 * notifier route names the user it asks about, but its caller is a service, never that user).
 */
@ApplicationScoped
public class Caller {

    /** Subjects go into internal paths and Redis keys: anything outside this shape is refused, not escaped. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JsonWebToken token;
    private final RateLimiter limiter;

    public Caller(JsonWebToken token, RateLimiter limiter) {
        this.token = token;
        this.limiter = limiter;
    }

    /** The user the request is for and about. */
    public Uni<String> userId() {
        return subject();
    }

    /** A back-end caller (a notifier service): its own budget, by its own subject. */
    public Uni<String> service() {
        return subject();
    }

    private Uni<String> subject() {
        String subject = token.getSubject();
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            return Uni.createFrom().failure(new ForbiddenException("The token's subject is not a Serenade user id"));
        }
        return limiter.check(subject).map(decision -> {
            if (!decision.allowed()) {
                throw new RateLimited(decision.retryAfterSeconds());
            }
            return subject;
        });
    }
}
