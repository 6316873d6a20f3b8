package io.serenade.kit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    enum State { GRANTED, DENIED, WITHDRAWN }

    record Update(Map<String, State> consents) {
    }

    record Profile(String displayName, int maxPerDay) {
    }

    private final ObjectMapper strict = StrictJson.apply(new ObjectMapper());

    @Test
    void anEnumIsReadOnlyByItsName() throws Exception {
        assertThat(strict.readValue("{\"consents\":{\"experimentation\":\"DENIED\"}}", Update.class).consents())
                .containsEntry("experimentation", State.DENIED);
        // Jackson's default reads all three as GRANTED, the first constant: a client bug would grant consent.
        assertThatThrownBy(() -> strict.readValue("{\"consents\":{\"experimentation\":0}}", Update.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"consents\":{\"experimentation\":\"0\"}}", Update.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> strict.readValue("{\"consents\":{\"experimentation\":\"\"}}", Update.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void anUnknownFieldIsRefusedByTheServerAndSkippedByAClient() throws Exception {
        String body = "{\"displayName\":\"Ann\",\"maxPerDay\":2,\"userId\":\"someone-else\"}";
        assertThatThrownBy(() -> strict.readValue(body, Profile.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("userId");
        assertThat(StrictJson.tolerant(strict).readValue(body, Profile.class)).isEqualTo(new Profile("Ann", 2));
    }

    @Test
    void scalarsAreNotGuessed() {
        assertThatThrownBy(() -> strict.readValue("{\"displayName\":\"Ann\",\"maxPerDay\":\"2\"}", Profile.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"displayName\":\"Ann\",\"maxPerDay\":1.5}", Profile.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"displayName\":7,\"maxPerDay\":1}", Profile.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"displayName\":\"Ann\",\"maxPerDay\":null}", Profile.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
