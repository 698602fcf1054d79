package io.carmarket.support.web.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which declared body types {@link JsonRequestBodyFilter} lets through. */
class JsonRequestBodyFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "APPLICATION/JSON; charset=utf-8",
            "application/merge-patch+json", "application/problem+json"})
    void json_in_utf8_is_accepted(String contentType) {
        assertThat(JsonRequestBodyFilter.isJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "application/yaml", "application/x-yaml", "text/yaml",
            "application/xml", "text/xml", "text/plain", "text/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/cbor", "application/x-jackson-smile",
            "application/octet-stream", "application/json; charset=ISO-8859-1", "application/json; charset=nonsense",
            "application/", ";;", "", "json"})
    void anything_else_is_refused(String contentType) {
        assertThat(JsonRequestBodyFilter.isJson(contentType)).isFalse();
    }
}
