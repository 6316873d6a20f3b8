package io.serenade.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway takes from a profile, and the safe default for each thing the profile does not say well. */
class ProfileSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON_UTC = Instant.parse("2025-07-01T12:00:00Z");

    @Test
    void aFullProfileIsReadAsIs() throws Exception {
        ProfileSettings s = ProfileSettings.of(JSON.readTree("""
                {"maturityRating": "16", "favouriteGenres": ["drama", "jazz"], "diversity": 0.7, "timeZone": "Asia/Tokyo"}"""));
        assertThat(s.maturity()).isEqualTo("16");
        assertThat(s.genres()).isEqualTo(List.of("drama", "jazz"));
        assertThat(s.diversity()).isEqualTo(0.7);
        assertThat(s.localHour(NOON_UTC)).isEqualTo(21);
    }

    @Test
    void anEmptyOrOddProfileFallsBackToSafeDefaults() throws Exception {
        for (String body : new String[]{"{}", "{\"maturityRating\": 16, \"favouriteGenres\": \"drama\", \"diversity\": \"high\", \"timeZone\": \"Mars/Olympus\"}"}) {
            ProfileSettings s = ProfileSettings.of(JSON.readTree(body));
            assertThat(s.maturity()).isEqualTo("all");
            assertThat(s.genres()).isEmpty();
            assertThat(s.diversity()).isEqualTo(0.3);
            assertThat(s.zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(s.localHour(NOON_UTC)).isEqualTo(12);
        }
        assertThat(ProfileSettings.of(null).maturity()).isEqualTo("all");
    }

    @Test
    void diversityIsKeptWithinZeroToOne() throws Exception {
        assertThat(ProfileSettings.of(JSON.readTree("{\"diversity\": 4}")).diversity()).isEqualTo(1.0);
        assertThat(ProfileSettings.of(JSON.readTree("{\"diversity\": -1}")).diversity()).isEqualTo(0.0);
        assertThat(ProfileSettings.of(JSON.readTree("{\"diversity\": 0}")).diversity()).isEqualTo(0.0);
    }
}
