package io.carmarket.query.common;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Specification of {@link ProjectionProcessing}: no projection of the query side is left out of it. */
class ProjectionProcessingTest {

    @Test
    void every_processing_group_of_the_query_side_runs_without_a_database_transaction() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));

        Set<String> groups = scanner.findCandidateComponents("io.carmarket.query").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, getClass().getClassLoader()))
                .map(type -> type.getAnnotation(ProcessingGroup.class).value())
                .collect(Collectors.toSet());

        assertThat(groups).isNotEmpty();
        assertThat(ProjectionProcessing.PROCESSING_GROUPS).containsExactlyInAnyOrderElementsOf(groups);
    }
}
