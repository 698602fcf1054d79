package io.carmarket.support.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * How request bodies are read: stricter than the application's ObjectMapper, which also reads stored events and
 * must stay lenient for them. Refused with a field-level 400: a key given twice, a field the request does not
 * have (no silent mass assignment, no silently ignored typo), an enum by number or with white space around its
 * name, a fraction for an integer, a number for a boolean, a number or boolean for text, a date that is not
 * {@link CalendarDates a calendar date}, and text that {@link RequestText} refuses. Nesting depth and number length
 * are bounded. An omitted or {@code null} primitive keeps its default: for a record, Jackson cannot refuse one
 * without the other.
 */
public final class StrictRequestJson {

    /** Deeper than any request of this API; protects the parser from a stack of brackets. */
    static final int MAX_NESTING_DEPTH = 32;
    /**
     * Far more digits than any amount or count of this API, so that an over-long number is refused by the field's
     * own type or constraint, naming the field; beyond this (a number as long as the body) the parser refuses it.
     */
    static final int MAX_NUMBER_LENGTH = 10_000;

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
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("carmarket-request-policy")
                .addDeserializer(String.class, new TextDeserializer(false))
                .addDeserializer(LocalDate.class, new DateDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description,
                                                                      JsonDeserializer<?> deserializer) {
                        return new ExactEnumNames(deserializer);
                    }
                }));
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

    /** An enum constant by its exact name: Jackson alone would also take it with white space around it. */
    static final class ExactEnumNames extends DelegatingDeserializer {

        ExactEnumNames(JsonDeserializer<?> enumDeserializer) {
            super(enumDeserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> enumDeserializer) {
            return new ExactEnumNames(enumDeserializer);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String name = parser.getText();
                if (!name.equals(name.strip())) {
                    throw context.weirdStringException(name, handledType(), "white space around the name");
                }
            }
            return super.deserialize(parser, context);
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
