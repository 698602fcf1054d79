package io.carmarket.command.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "5f0c6b1e-7d2a-4c39-9a57-2b8f3e4d1c60", // a UUID
            "01HZY8Q5K3N7V2W9X4T6R8M0PB",           // a ULID
            "a",
            "order:2030-06-01_retry.1",
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
    })
    void accepts_1_to_100_safe_characters(String key) {
        assertThat(IdempotencyKeys.isValid(key)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "with space",
            " leading",
            "trailing\t",
            "slash/key",
            "quoted\"key\"",
            "comma,key",
            "semi;colon",
            "new\nline",
            "umlaut-\u00e4",
            "emoji-\uD83D\uDE00",
            "percent%20"
    })
    void refuses_everything_else(String key) {
        assertThat(IdempotencyKeys.isValid(key)).isFalse();
    }
}
