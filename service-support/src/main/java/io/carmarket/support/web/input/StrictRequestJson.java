package io.carmarket.support.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;

/**
 * How request bodies are read: stricter than the application's ObjectMapper, which also reads stored events and
 * must stay lenient for them. Refused with a field-level 400: a key given twice, a field the request does not
 * have (no silent mass assignment, no silently ignored typo), a number for an enum, a fraction for an integer, a
 * number for a boolean, a date that is not {@link CalendarDates a calendar date}, and text that {@link RequestText}
 * refuses. Nesting depth and number length are bounded. (An absent or null primitive stays its default: Jackson
 * cannot refuse {@code null} without also refusing an omitted field.)
 */
public final class StrictRequestJson {

    /** Deeper than any request of this API; protects the parser from a stack of brackets. */
    static final int MAX_NESTING_DEPTH = 32;
    /** More digits than any amount or count of this API; parsing huge numbers is quadratic. */
    static final int MAX_NUMBER_LENGTH = 100;

    private StrictRequestJson() {
    }

    /** A copy of {@code applicationMapper} (same modules and output settings) that reads requests strictly. */
    public static ObjectMapper readerOf(ObjectMapper applicationMapper) {
        ObjectMapper mapper = applicationMapper.copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("carmarket-request-policy")
                .addDeserializer(String.class, new TextDeserializer(false))
                .addDeserializer(LocalDate.class, new DateDeserializer()));
        return mapper;
    }

    /** Strings as {@link RequestText} allows them: single-line unless the field is {@link MultilineText}. */
    static final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiline;

        TextDeserializer(boolean multiline) {
            super(String.class);
            this.multiline = multiline;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multilineField = property != null && property.getAnnotation(MultilineText.class) != null;
            return multilineField == multiline ? this : new TextDeserializer(multilineField);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                String problem = RequestText.problemWith(text, multiline);
                if (problem != null) {
                    throw new RequestValueException(parser, problem, String.class);
                }
            }
            return text;
        }
    }

    /** Dates as ISO text within {@link CalendarDates}' range; never a number of epoch days. */
    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RequestValueException(parser, CalendarDates.expectation(), LocalDate.class);
            }
            try {
                return CalendarDates.parse(parser.getText());
            } catch (IllegalArgumentException refused) {
                throw new RequestValueException(parser, refused.getMessage(), LocalDate.class);
            }
        }
    }
}
