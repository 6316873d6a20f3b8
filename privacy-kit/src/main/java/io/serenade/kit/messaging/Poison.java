package io.serenade.kit.messaging;

import java.time.DateTimeException;
import java.util.Set;

/**
 * Tells a record that can never be applied (poison: the store refuses its data, a field is impossible) from a
 * failure that passes (the store is down, a lock timed out). Poison is parked in the dead-letter topic; anything
 * else is retried until it succeeds, so that an outage never turns valid records into dead letters.
 */
public final class Poison {

    /** SQLSTATE classes that describe the data, not the database's state: data exception, integrity, syntax/rule. */
    static final Set<String> DATA_SQLSTATE_CLASSES = Set.of("22", "23", "42");

    private static final String PG_EXCEPTION = "io.vertx.pgclient.PgException";

    private Poison() {
    }

    /** True when {@code failure}, or one of its causes, says the record itself cannot be applied. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnapplicableRecord || t instanceof IllegalArgumentException
                    || t instanceof NullPointerException || t instanceof ClassCastException
                    || t instanceof DateTimeException || t instanceof ArithmeticException
                    || t instanceof IndexOutOfBoundsException) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && state.length() == 5 && DATA_SQLSTATE_CLASSES.contains(state.substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** A short, id-free description of why: the exception's class and, for PostgreSQL, its SQLSTATE. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null) {
                return t.getClass().getSimpleName() + " SQLSTATE " + state;
            }
            if (t instanceof UnapplicableRecord u) {
                return "unapplicable: " + u.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** PostgreSQL's SQLSTATE when {@code t} is the reactive client's exception (absent where the client is not used). */
    private static String sqlState(Throwable t) {
        return PG_EXCEPTION.equals(t.getClass().getName()) ? ((io.vertx.pgclient.PgException) t).getSqlState() : null;
    }
}
