package dev.migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the core's packages depending one way, and Spring out of the core. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migrator");
    }

    @Test
    void coreHasNoSpringDependency() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
    }

    @Test
    void revisionGraphIsPureData() {
        classes().that().resideInAPackage("dev.migrator.revision")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.migrator", "dev.migrator.revision")
                .check(core);
    }

    @Test
    void revisionGraphUsesNoJdbc() {
        noClasses().that().resideInAPackage("dev.migrator.revision")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.nio.file..")
                .check(core);
    }

    @Test
    void operationsKnowNothingOfExecution() {
        noClasses().that().resideInAPackage("dev.migrator.operation..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.migrator.dialect..", "dev.migrator.state..", "dev.migrator.lock..",
                        "dev.migrator.execute..", "dev.migrator.source..")
                .check(core);
    }

    @Test
    void dialectsKnowNothingOfExecution() {
        noClasses().that().resideInAPackage("dev.migrator.dialect..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.migrator.state..", "dev.migrator.lock..", "dev.migrator.execute..",
                        "dev.migrator.source..")
                .check(core);
    }

    @Test
    void onlyTheFacadePackageUsesTheFacade() {
        noClasses().that().resideOutsideOfPackage("dev.migrator")
                .should().dependOnClassesThat().haveFullyQualifiedName(Migrator.class.getName())
                .check(core);
    }
}
