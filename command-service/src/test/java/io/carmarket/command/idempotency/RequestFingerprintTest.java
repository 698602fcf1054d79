package io.carmarket.command.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final byte[] BODY = "{\"startDate\":\"2030-06-01\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void is_the_sha256_of_request_line_and_body_in_hex() {
        // Expected values computed independently (Python hashlib) from the documented layout.
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars/c-1/bookings", null, BODY))
                .isEqualTo("a8a4dbfcacaefa4557ecf034a06f86ca06f35070fb66c7071aeb8dff5dd5320f");
        assertThat(RequestFingerprint.of("DELETE", "/api/v1/x", "a=1&b=2", new byte[0]))
                .isEqualTo("9ee0b089e01f4555b996586e4ce2e1b47ea94f15b845460bc06d2c504bb3ca12");
    }

    @Test
    void the_same_request_has_the_same_fingerprint() {
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars", "x=1", BODY.clone()))
                .isEqualTo(RequestFingerprint.of("POST", "/api/v1/cars", "x=1", BODY.clone()));
    }

    @Test
    void method_path_query_and_every_body_byte_count() {
        String original = RequestFingerprint.of("POST", "/api/v1/cars/c-1/bookings", null, BODY);
        byte[] otherBody = BODY.clone();
        otherBody[otherBody.length - 3]++;

        assertThat(RequestFingerprint.of("PUT", "/api/v1/cars/c-1/bookings", null, BODY)).isNotEqualTo(original);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars/c-2/bookings", null, BODY)).isNotEqualTo(original);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars/c-1/bookings", "a=1", BODY)).isNotEqualTo(original);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars/c-1/bookings", null, otherBody))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cars/c-1/bookings", null, new byte[0]))
                .isNotEqualTo(original);
    }

    @Test
    void the_same_json_with_other_spacing_is_another_request() {
        byte[] spaced = "{ \"startDate\": \"2030-06-01\" }".getBytes(StandardCharsets.UTF_8);

        assertThat(RequestFingerprint.of("POST", "/api/v1/cars", null, spaced))
                .isNotEqualTo(RequestFingerprint.of("POST", "/api/v1/cars", null, BODY));
    }

    @Test
    void is_64_lower_case_hex_digits_for_any_body() {
        byte[] large = new byte[100_000];
        java.util.Arrays.fill(large, (byte) 0xFF);

        assertThat(RequestFingerprint.of("PATCH", "/api/v1/cars/\u00e4", null, large)).matches("[0-9a-f]{64}");
    }
}
