package io.carmarket.standalone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request body of every endpoint must declare, so that an endpoint added later cannot forget it: the body
 * and every object inside it are validated ({@code @Valid} cascades into nested records and list elements, PATCH
 * bodies included), every string has a length limit, and every list a size limit. What the body may contain at all
 * (JSON only, its size, its characters and dates) is enforced for every endpoint by the request policy in
 * service-support; this test covers what only the request records can say.
 */
class RequestBodyContractTest {

    @Test
    void there_are_request_bodies_to_check() {
        assertThat(requestBodies()).hasSizeGreaterThan(10);
    }

    @Test
    void every_request_body_is_validated() {
        List<String> unvalidated = requestBodies().stream()
                .filter(body -> !hasValid(body.parameter()) && !isListOfValidated(body.parameter().getAnnotatedType()))
                .map(RequestBodyParameter::toString)
                .toList();

        assertThat(unvalidated).as("@RequestBody parameters without @Valid").isEmpty();
    }

    @Test
    void every_object_inside_a_request_body_is_validated_every_string_and_list_bounded() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        requestBodies().forEach(body -> {
            Parameter parameter = body.parameter();
            if (Collection.class.isAssignableFrom(parameter.getType())) {
                requireBounded(parameter, parameter.getAnnotatedType(), body.toString(), problems);
                elementRecord(parameter.getAnnotatedType()).ifPresent(type -> check(type, seen, problems));
            } else {
                check(parameter.getType(), seen, problems);
            }
        });

        assertThat(problems).isEmpty();
    }

    private static void check(Class<?> type, Set<Class<?>> seen, List<String> problems) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String where = type.getSimpleName() + "." + component.getName();
            AnnotatedElement field = fieldOf(type, component);
            AnnotatedType annotatedType = component.getAnnotatedType();
            Class<?> componentType = component.getType();
            if (componentType == String.class && !isBounded(field, annotatedType)) {
                problems.add(where + ": a string without @Size");
            }
            if (Collection.class.isAssignableFrom(componentType)) {
                requireBounded(field, annotatedType, where, problems);
                if (elementType(annotatedType) == String.class && !elementIsBounded(annotatedType)) {
                    problems.add(where + ": list elements without @Size");
                }
                elementRecord(annotatedType).ifPresent(element -> {
                    if (!isListOfValidated(annotatedType)) {
                        problems.add(where + ": list of " + element.getSimpleName() + " without @Valid elements");
                    }
                    check(element, seen, problems);
                });
            }
            if (componentType.isRecord()) {
                if (!hasValid(field) && !annotatedType.isAnnotationPresent(Valid.class)) {
                    problems.add(where + ": nested " + componentType.getSimpleName() + " without @Valid");
                }
                check(componentType, seen, problems);
            }
        }
    }

    private static void requireBounded(AnnotatedElement element, AnnotatedType type, String where,
                                       List<String> problems) {
        if (!isBounded(element, type)) {
            problems.add(where + ": a list without @Size");
        }
    }

    /** {@code @Size}, directly or inside a composed constraint such as {@code @EmailAddress}. */
    private static boolean isBounded(AnnotatedElement element, AnnotatedType type) {
        return Stream.concat(Stream.of(element.getAnnotations()), Stream.of(type.getAnnotations()))
                .anyMatch(RequestBodyContractTest::boundsLength);
    }

    private static boolean boundsLength(Annotation annotation) {
        return annotation instanceof Size || MergedAnnotations.from(annotation.annotationType()).isPresent(Size.class);
    }

    private static boolean hasValid(AnnotatedElement element) {
        return element.isAnnotationPresent(Valid.class);
    }

    private static boolean isListOfValidated(AnnotatedType type) {
        return type instanceof AnnotatedParameterizedType parameterized
                && parameterized.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Valid.class);
    }

    private static boolean elementIsBounded(AnnotatedType type) {
        AnnotatedType element = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[0];
        return Stream.of(element.getAnnotations()).anyMatch(RequestBodyContractTest::boundsLength);
    }

    private static Class<?> elementType(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType parameterized
                && parameterized.getAnnotatedActualTypeArguments()[0].getType() instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static Optional<Class<?>> elementRecord(AnnotatedType type) {
        Class<?> element = elementType(type);
        return element.isRecord() ? Optional.of(element) : Optional.empty();
    }

    private static AnnotatedElement fieldOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<RequestBodyParameter> requestBodies() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<RequestBodyParameter> bodies = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.carmarket")) {
            Class<?> controller = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            for (Method method : controller.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)) {
                        bodies.add(new RequestBodyParameter(controller, method, parameter));
                    }
                }
            }
        }
        return bodies;
    }

    private record RequestBodyParameter(Class<?> controller, Method method, Parameter parameter) {
        @Override
        public String toString() {
            return controller.getSimpleName() + "." + method.getName() + "(" + parameter.getType().getSimpleName() + ")";
        }
    }
}
