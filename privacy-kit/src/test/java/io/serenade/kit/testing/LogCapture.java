package io.serenade.kit.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a piece of code logs while it runs, for tests of the promise that personal data stays out of logs:
 * {@code try (LogCapture logs = LogCapture.start()) { ... }}, then look at {@link #lines}. Each line is the message
 * and its arguments as logged (the format is applied later, by the handler), so an argument is seen whether the
 * format prints it or not.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One record: its level, its logger and its message followed by its arguments. */
    public record Line(Level level, String logger, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The texts of the lines that {@code which} accepts. */
    public List<String> lines(Predicate<Line> which) {
        return lines.stream().filter(which).map(Line::text).toList();
    }

    /** Serenade's own warnings and errors. */
    public static boolean ownWarning(Line line) {
        return line.level().intValue() >= Level.WARNING.intValue() && line.logger() != null
                && line.logger().startsWith("io.serenade");
    }

    @Override
    public void publish(LogRecord r) {
        Object[] params = r.getParameters();
        lines.add(new Line(r.getLevel(), r.getLoggerName(),
                r.getMessage() + (params == null || params.length == 0 ? "" : " " + Arrays.toString(params))));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
