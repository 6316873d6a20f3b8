package io.serenade.gateway.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.serenade.events.InteractionType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final EventIntake intake = new EventIntake(500, Duration.ofMinutes(5), Duration.ofDays(365));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsAnEventForTheGivenUser() throws Exception {
        EventIntake.Result r = intake.read(json.readTree("""
                {"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000001","titleId":"t-1","type":"RATING","value":4.5,
                 "context":{"device":"tv","locale":"en-GB","timeZone":"Europe/London","localTime":"21:15"},
                 "occurredAt":"2026-11-23T11:59:00Z"}"""), "u-1", NOW);
        assertThat(r.valid()).isTrue();
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("u-1");
            assertThat(e.type()).isEqualTo(InteractionType.RATING);
            assertThat(e.value()).isEqualTo(4.5);
            assertThat(e.context().localTime().getHour()).isEqualTo(21);
        });
    }

    @Test
    void aSearchNeedsAQueryButNoTitle() throws Exception {
        EventIntake.Result ok = intake.read(json.readTree("""
                {"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000002","type":"SEARCH","query":"space opera",
                 "occurredAt":"2026-11-23T11:59:00Z"}"""), "u-1", NOW);
        assertThat(ok.valid()).isTrue();
        EventIntake.Result missing = intake.read(json.readTree("""
                {"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000002","type":"SEARCH","occurredAt":"2026-11-23T11:59:00Z"}"""), "u-1", NOW);
        assertThat(missing.errors()).extracting(EventIntake.FieldError::field).containsExactly("query");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsKept() throws Exception {
        EventIntake.Result r = intake.read(json.readTree("""
                [{"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000003","titleId":"t-1","type":"PLAY","occurredAt":"2026-11-23T11:00:00Z"},
                 {"eventId":"x","titleId":"bad id","type":"PLAY","value":"long","occurredAt":"2026-11-23T12:06:00Z",
                  "userId":"u-2","context":{"localTime":"25:00","os":"x"}}]"""), "u-1", NOW);
        assertThat(r.valid()).isFalse();
        assertThat(r.events()).isEmpty();
        assertThat(r.errors()).extracting(EventIntake.FieldError::field).containsExactlyInAnyOrder(
                "[1].eventId", "[1].titleId", "[1].value", "[1].occurredAt", "[1].userId",
                "[1].context.localTime", "[1].context.os");
    }

    @Test
    void theFutureLimitIsFiveMinutes() throws Exception {
        String at4 = NOW.plus(Duration.ofMinutes(4)).toString(), at6 = NOW.plus(Duration.ofMinutes(6)).toString();
        String template = "{\"eventId\":\"0b8f7a5e-3c1d-4a8e-9f00-000000000004\",\"titleId\":\"t\",\"type\":\"CLICK\",\"occurredAt\":\"%s\"}";
        assertThat(intake.read(json.readTree(template.formatted(at4)), "u", NOW).valid()).isTrue();
        assertThat(intake.read(json.readTree(template.formatted(at6)), "u", NOW).errors())
                .extracting(EventIntake.FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void withoutSearchTextASearchKeepsEverythingButItsText() throws Exception {
        EventIntake.Result r = intake.read(json.readTree("""
                [{"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000005","type":"SEARCH","query":"space opera",
                  "context":{"device":"tv"},"occurredAt":"2026-11-23T11:59:00Z"},
                 {"eventId":"0b8f7a5e-3c1d-4a8e-9f00-000000000006","titleId":"t-1","type":"PLAY","occurredAt":"2026-11-23T11:59:00Z"}]"""),
                "u-1", NOW);
        assertThat(EventIntake.anySearchText(r.events())).isTrue();
        var stripped = EventIntake.withoutSearchText(r.events());
        assertThat(EventIntake.anySearchText(stripped)).isFalse();
        assertThat(stripped.get(0)).usingRecursiveComparison().ignoringFields("query").isEqualTo(r.events().get(0));
        assertThat(stripped.get(0).query()).isNull();
        assertThat(stripped.get(1)).isSameAs(r.events().get(1));
    }
}
