package io.carmarket.support.web.input;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Dates in query parameters and path variables follow the same rule as dates in bodies: {@link CalendarDates}.
 * Registered after Spring's own date formatters, so it takes precedence over them, for plain {@code LocalDate}
 * parameters and for those annotated {@code @DateTimeFormat}.
 */
public class CalendarDateFormatting implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, CalendarDateFormatter.INSTANCE);
        registry.addFormatterForFieldAnnotation(new AnnotatedDates());
    }

    private enum CalendarDateFormatter implements Formatter<LocalDate> {
        INSTANCE;

        @Override
        public LocalDate parse(String text, Locale locale) {
            return CalendarDates.parse(text);
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }

    private static final class AnnotatedDates implements AnnotationFormatterFactory<DateTimeFormat> {

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return CalendarDateFormatter.INSTANCE;
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            return CalendarDateFormatter.INSTANCE;
        }
    }
}
