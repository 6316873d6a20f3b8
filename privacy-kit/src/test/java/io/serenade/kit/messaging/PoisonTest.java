package io.serenade.kit.messaging;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.DateTimeException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What is parked and what is retried: the data's fault is poison, the store's state is not. */
class PoisonTest {

    @Test
    void dataTheStoreRefusesIsPoisonWhereverItIsWrapped() {
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        assertThat(Poison.is(nul)).isTrue();
        assertThat(Poison.is(new CompletionException(new RuntimeException(nul)))).isTrue();
        assertThat(Poison.reason(new RuntimeException(nul))).isEqualTo("PgException SQLSTATE 22021");
        assertThat(Poison.is(new PgException("duplicate key", "ERROR", "23505", null))).isTrue();
        assertThat(Poison.is(new DateTimeException("year out of range"))).isTrue();
        assertThat(Poison.is(new UnapplicableRecord("no such purpose"))).isTrue();
        assertThat(Poison.reason(new UnapplicableRecord("no such purpose"))).isEqualTo("unapplicable: no such purpose");
    }

    @Test
    void aStoreAwayOrBusyIsNotPoison() {
        assertThat(Poison.is(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))).isFalse();
        assertThat(Poison.is(new PgException("could not serialize access", "ERROR", "40001", null))).isFalse();
        assertThat(Poison.is(new PgException("deadlock detected", "ERROR", "40P01", null))).isFalse();
        assertThat(Poison.is(new ConnectException("Connection refused"))).isFalse();
        assertThat(Poison.is(new IllegalStateException("Connection is closed"))).isFalse();
        assertThat(Poison.is(new UncheckedIOException(new java.io.IOException("broken pipe")))).isFalse();
    }
}
