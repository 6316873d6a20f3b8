package io.serenade.gateway;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway's clock in tests: the real time until a test sets it, then standing still where the test puts it
 * (rate-limit windows need the time known exactly). Replaces the production {@code Clocks} bean in every test of the
 * module; {@link #release} gives the real time back.
 */
@Mock
@Singleton
public class SetClock extends Clock {

    private volatile Instant fixed;

    void set(Instant instant) {
        fixed = instant;
    }

    void advance(Duration by) {
        fixed = instant().plus(by);
    }

    void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
