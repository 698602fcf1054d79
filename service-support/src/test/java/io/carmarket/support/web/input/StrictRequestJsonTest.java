package io.carmarket.support.web.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Specification of how request bodies are read ({@link StrictRequestJson}): what a lenient reader would have
 * silently accepted is refused, naming the field; what is valid reads as before.
 */
class StrictRequestJsonTest {

    enum Colour { RED, GREEN }

    record Address(String city) {
    }

    record Sample(String name, @MultilineText String notes, Integer count, boolean flag, Colour colour,
                  LocalDate day, Address address, List<String> tags) {
    }

    /** Like Spring Boot's: unknown properties ignored. */
    private final ObjectMapper applicationMapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ObjectMapper reader = StrictRequestJson.readerOf(applicationMapper);

    @Test
    void a_valid_body_reads_as_with_the_application_mapper() throws JsonProcessingException {
        String json = """
                {"name":"Ada","notes":"two\\nlines","count":3,"flag":true,"colour":"GREEN","day":"2027-02-28",
                 "address":{"city":"Berlin"},"tags":["a","b"]}""";

        assertThat(reader.readValue(json, Sample.class)).isEqualTo(applicationMapper.readValue(json, Sample.class));
    }

    @Test
    void the_application_mapper_itself_stays_lenient() throws JsonProcessingException {
        assertThat(applicationMapper.readValue("{\"day\":20900,\"unknown\":1}", Sample.class).day())
                .isEqualTo(LocalDate.ofEpochDay(20900));
    }

    @Test
    void a_key_given_twice_is_refused() {
        assertThatThrownBy(() -> reader.readValue("{\"name\":\"a\",\"name\":\"b\"}", Sample.class))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void an_unknown_field_is_refused_with_its_name() {
        assertThatThrownBy(() -> reader.readValue("{\"name\":\"a\",\"role\":\"ADMIN\"}", Sample.class))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class,
                        refused -> assertThat(refused.getPropertyName()).isEqualTo("role"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"colour\":0}", "{\"colour\":\"0\"}", "{\"colour\":\"red\"}",
            "{\"colour\":\"RED \"}", "{\"colour\":\" RED\"}"})
    void an_enum_is_only_its_exact_name(String json) {
        assertThatThrownBy(() -> reader.readValue(json, Sample.class)).isInstanceOf(InvalidFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":2.5}", "{\"count\":2.0}", "{\"flag\":1}", "{\"flag\":\"yes\"}",
            "{\"count\":99999999999}", "{\"count\":true}", "{\"name\":5}",
            "{\"name\":1.5}", "{\"name\":true}"})
    void numbers_are_not_bent_into_another_type(String json) {
        assertThatThrownBy(() -> reader.readValue(json, Sample.class)).isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+10000-01-01\"", "\"-0001-01-01\"", "\"1899-12-31\"", "\"2030-02-30\"",
            "\"2030-1-1\"", "\"\"", "\"2030-01-01T00:00:00\"", "20900", "\"tomorrow\""})
    void a_date_is_an_iso_calendar_date_from_1900_to_9999(String value) {
        assertThatThrownBy(() -> reader.readValue("{\"day\":" + value + "}", Sample.class))
                .isInstanceOfSatisfying(RequestValueException.class,
                        refused -> assertThat(refused.getPathReference()).contains("day"));
    }

    @Test
    void an_omitted_or_null_primitive_keeps_its_default() throws JsonProcessingException {
        assertThat(reader.readValue("{\"name\":\"a\"}", Sample.class).flag()).isFalse();
        assertThat(reader.readValue("{\"flag\":null}", Sample.class).flag()).isFalse();
    }

    @Test
    void the_last_calendar_date_is_accepted() throws JsonProcessingException {
        assertThat(reader.readValue("{\"day\":\"9999-12-31\"}", Sample.class).day()).isEqualTo(CalendarDates.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "a\\u0007b", "a\\u001bb", "a\\u007fb", "a\\u0085b", "a\\u202eb",
            "a\\u2066b", "a\\ud800b", "a\\udc00b", "a\\nb", "a\\tb", "a\\rb"})
    void a_single_line_field_refuses_control_bidi_override_and_broken_characters(String text) {
        assertThatThrownBy(() -> reader.readValue("{\"name\":\"" + text + "\"}", Sample.class))
                .isInstanceOf(RequestValueException.class);
    }

    @Test
    void list_elements_and_nested_fields_follow_the_same_rule() {
        assertThatThrownBy(() -> reader.readValue("{\"tags\":[\"ok\",\"a\\u202eb\"]}", Sample.class))
                .isInstanceOfSatisfying(RequestValueException.class,
                        refused -> assertThat(refused.getPathReference()).contains("tags").contains("[1]"));
        assertThatThrownBy(() -> reader.readValue("{\"address\":{\"city\":\"a\\nb\"}}", Sample.class))
                .isInstanceOfSatisfying(RequestValueException.class,
                        refused -> assertThat(refused.getPathReference()).contains("address").contains("city"));
    }

    @Test
    void a_multiline_field_takes_line_breaks_and_tabs_but_no_other_control_characters()
            throws JsonProcessingException {
        assertThat(reader.readValue("{\"notes\":\"a\\r\\nb\\tc\"}", Sample.class).notes()).isEqualTo("a\r\nb\tc");
        assertThatThrownBy(() -> reader.readValue("{\"notes\":\"a\\u0000b\"}", Sample.class))
                .isInstanceOf(RequestValueException.class);
    }

    @Test
    void text_beyond_the_basic_plane_is_accepted() throws JsonProcessingException {
        assertThat(reader.readValue("{\"name\":\"Zo\\u00eb \\ud83d\\ude97\"}", Sample.class).name())
                .isEqualTo("Zoë 🚗");
    }

    @Test
    void deeply_nested_json_is_refused_before_it_is_built() {
        String deep = "[".repeat(StrictRequestJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictRequestJson.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> reader.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void a_number_too_long_for_its_field_is_refused_naming_the_field() {
        assertThatThrownBy(() -> reader.readValue("{\"count\":" + "9".repeat(2_000) + "}", Sample.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        refused -> assertThat(refused.getPathReference()).contains("count"));
    }

    @Test
    void a_number_as_long_as_a_body_is_refused_by_the_parser() {
        assertThatThrownBy(() -> reader.readValue("{\"count\":" + "9".repeat(StrictRequestJson.MAX_NUMBER_LENGTH + 1)
                + "}", Sample.class)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void trailing_content_after_the_body_is_refused() {
        assertThatThrownBy(() -> reader.readValue("{\"name\":\"a\"} {}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
