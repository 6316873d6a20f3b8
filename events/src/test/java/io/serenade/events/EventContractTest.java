package io.serenade.events;

import io.serenade.events.serde.ConsentChangedDeserializer;
import io.serenade.events.serde.DataUseRecordedDeserializer;
import io.serenade.events.serde.ErasureReceiptDeserializer;
import io.serenade.events.serde.ErasureRequestedDeserializer;
import io.serenade.events.serde.EventSerializer;
import io.serenade.events.serde.InteractionForgottenDeserializer;
import io.serenade.events.serde.InteractionRecordedDeserializer;
import io.serenade.events.serde.TitleUpsertedDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are contracts: payloads written by version 1 producers must keep parsing, and round trips are lossless. */
class EventContractTest {

    private final EventSerializer serializer = new EventSerializer();

    @Test
    void version1InteractionPayloadStillParses() {
        InteractionRecorded e = new InteractionRecordedDeserializer().deserialize("interactions", payload("interaction-recorded.json"));
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.eventId()).isEqualTo(UUID.fromString("0b8f7a5e-3c1d-4a8e-9f00-000000000001"));
        assertThat(e.type()).isEqualTo(InteractionType.PLAY);
        assertThat(e.value()).isEqualTo(37.5);
        assertThat(e.context().localTime()).isEqualTo(LocalTime.of(21, 15));
        assertThat(e.context().timeZone()).isEqualTo("Europe/London");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-01T21:15:00Z"));
        assertThat(e.query()).isNull();
    }

    @Test
    void version1PayloadsOfEveryOtherEventStillParse() {
        ConsentChanged c = new ConsentChangedDeserializer().deserialize("t", payload("consent-changed.json"));
        assertThat(c.permits(Purposes.PERSONALIZATION)).isTrue();
        assertThat(c.permits(Purposes.NOTIFICATIONS)).isFalse();
        assertThat(c.permits(Purposes.EXPERIMENTATION)).as("absent purpose is not granted").isFalse();

        ErasureRequested r = new ErasureRequestedDeserializer().deserialize("t", payload("erasure-requested.json"));
        assertThat(r.userId()).isEqualTo("u-1");

        ErasureReceipt receipt = new ErasureReceiptDeserializer().deserialize("t", payload("erasure-receipt.json"));
        assertThat(receipt.deletedPerStore()).containsEntry("postgresql:interactions", 12L);

        DataUseRecorded d = new DataUseRecordedDeserializer().deserialize("t", payload("data-use-recorded.json"));
        assertThat(d.purposes()).containsExactly(Purposes.PERSONALIZATION);

        InteractionForgotten f = new InteractionForgottenDeserializer().deserialize("t", payload("interaction-forgotten.json"));
        assertThat(f.eventId()).isEqualTo(UUID.fromString("0b8f7a5e-3c1d-4a8e-9f00-000000000001"));
        assertThat(f.forgottenAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));

        TitleUpserted t = new TitleUpsertedDeserializer().deserialize("t", payload("title-upserted.json"));
        assertThat(t.maturityRating()).isEqualTo(MaturityRating.SIXTEEN_PLUS);
        assertThat(t.genres()).containsExactly("drama");
    }

    @Test
    void roundTripKeepsEveryField() {
        InteractionRecorded e = new InteractionRecorded(0, UUID.randomUUID(), "u-2", "t-1", InteractionType.RATING, 4.5,
                "a-1", "imp-9", null, new InteractionContext("web", "fr-FR", "Europe/Paris", LocalTime.of(8, 5)),
                Instant.parse("2026-11-02T07:05:00Z"));
        InteractionRecorded back = new InteractionRecordedDeserializer().deserialize("interactions", serializer.serialize("interactions", e));
        assertThat(back).isEqualTo(e);
        assertThat(back.version()).as("a new event is stamped with the current version").isEqualTo(InteractionRecorded.VERSION);

        TitleUpserted t = new TitleUpserted(0, "t-1", "Name", List.of("comedy"), List.of(), List.of("light"),
                MaturityRating.ALL, 2020, null, Instant.parse("2026-11-02T07:05:00Z"));
        assertThat(new TitleUpsertedDeserializer().deserialize("catalog", serializer.serialize("catalog", t))).isEqualTo(t);

        ConsentChanged c = new ConsentChanged(0, "u", Map.of("personalization", ConsentState.GRANTED), "personalization",
                "2026-01", "test", Instant.EPOCH);
        assertThat(new ConsentChangedDeserializer().deserialize("c", serializer.serialize("c", c))).isEqualTo(c);
    }

    @Test
    void tombstonesStayNullAndGarbageIsASerializationError() {
        assertThat(serializer.serialize("catalog", null)).isNull();
        assertThat(new TitleUpsertedDeserializer().deserialize("catalog", null)).isNull();
        assertThatThrownBy(() -> new InteractionRecordedDeserializer().deserialize("interactions", "{not json".getBytes()))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void maturityRatingsAreOrderedAndReadByLabel() {
        assertThat(MaturityRating.THIRTEEN_PLUS.allows(MaturityRating.SEVEN_PLUS)).isTrue();
        assertThat(MaturityRating.THIRTEEN_PLUS.allows(MaturityRating.EIGHTEEN_PLUS)).isFalse();
        assertThat(MaturityRating.fromLabel("18+")).isEqualTo(MaturityRating.EIGHTEEN_PLUS);
        assertThatThrownBy(() -> MaturityRating.fromLabel("21+")).hasMessageContaining("21+");
    }

    @Test
    void everyTopicHasAtLeastThreePartitionsAndStateTopicsAreCompacted() {
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.partitions()).isGreaterThanOrEqualTo(3));
        assertThat(Topics.ALL).filteredOn(Topics.Spec::compacted).extracting(Topics.Spec::name)
                .containsExactlyInAnyOrder(Topics.CONSENT_CHANGES, Topics.CATALOG);
    }

    private static byte[] payload(String name) {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/payloads/v1/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void grantedPurposesFailClosed() {
        assertThat(GrantedPurposes.parse(null).purposes()).isEmpty();
        assertThat(GrantedPurposes.parse("  ").allows(Purposes.PERSONALIZATION)).isFalse();
        GrantedPurposes p = GrantedPurposes.parse("search-history, personalization,made-up");
        assertThat(p.purposes()).containsExactlyInAnyOrder(Purposes.PERSONALIZATION, Purposes.SEARCH_HISTORY);
        assertThat(p.header()).as("canonical order, unknown names dropped").isEqualTo("personalization,search-history");
        assertThat(GrantedPurposes.parse(p.header())).isEqualTo(p);
    }
}
