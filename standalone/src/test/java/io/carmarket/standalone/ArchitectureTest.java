package io.carmarket.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries between the modules and roles, checked on the compiled classes of all modules. */
class ArchitectureTest {

    private static JavaClasses carmarket;

    @BeforeAll
    static void importClasses() {
        carmarket = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.carmarket");
    }

    @Test
    void the_message_contract_depends_on_no_spring_and_no_service() {
        noClasses().that().resideInAPackage("io.carmarket.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.carmarket.command..",
                        "io.carmarket.query..", "io.carmarket.support.web..", "com.mongodb..", "jakarta.persistence..")
                .check(carmarket);
    }

    @Test
    void the_read_side_never_imports_the_write_side() {
        noClasses().that().resideInAPackage("io.carmarket.query..")
                .should().dependOnClassesThat().resideInAPackage("io.carmarket.command..")
                .check(carmarket);
    }

    @Test
    void the_write_side_never_imports_the_read_side() {
        noClasses().that().resideInAPackage("io.carmarket.command..")
                .should().dependOnClassesThat().resideInAPackage("io.carmarket.query..")
                .check(carmarket);
    }

    @Test
    void aggregates_know_nothing_of_web_or_persistence() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "org.springframework.data..", "com.mongodb..", "java.sql..",
                        "io.carmarket.support.web..")
                .check(carmarket);
    }

    @Test
    void every_aggregate_shows_its_state_to_the_audit_api() {
        classes().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().implement(io.carmarket.command.audit.AuditedAggregate.class)
                .check(carmarket);
    }

    @Test
    void events_are_immutable_records() {
        classes().that().resideInAPackage("io.carmarket.api..")
                .and().areAnnotatedWith(org.axonframework.serialization.Revision.class)
                .should().beRecords()
                .check(carmarket);
    }
}
