package dev.migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core's packages depending one way (docs/architecture.md), the root package a set of entry points
 * that the sub-packages use only for its model types, and Spring out of the core.
 */
class ArchitectureTest {

    /** What a sub-package may use of the root: the failure type, its code, and the model types of revisions. */
    private static final Set<Class<?>> ROOT_MODEL = Set.of(MigratorException.class, ErrorCode.class, Migration.class,
            ReversibleMigration.class, Revision.class, Phase.class, Direction.class, ContractPolicy.class,
            UnknownRevisionPolicy.class);

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        // migrator-core's own classes only: other jars on the test class path share the dev.migrator prefix
        java.net.URL coreClasses = Migrator.class.getProtectionDomain().getCodeSource().getLocation();
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrl(coreClasses);
    }

    @Test
    void coreHasNoSpringDependency() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
    }

    @Test
    void noCyclesBetweenSubPackages() {
        slices().matching("dev.migrator.(*)..").should().beFreeOfCycles().check(core);
        slices().matching("dev.migrator.internal.(*)..").should().beFreeOfCycles().check(core);
    }

    /** The API's values and extension points stand alone: only the facade (the root) reaches into {@code internal}. */
    @Test
    void apiPackagesBelowTheRootDoNotDependOnInternals() {
        noClasses().that().resideOutsideOfPackages("dev.migrator", "dev.migrator.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.migrator.internal..")
                .check(core);
    }

    /** Issue 12's floor: what users may rely on stays small enough to read in one sitting (docs/api.md lists it). */
    @Test
    void publicApiHoldsAtMostFortyFivePublicTopLevelTypes() {
        java.util.List<String> publicTopLevel = core.stream()
                .filter(c -> !c.getPackageName().startsWith("dev.migrator.internal"))
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        org.assertj.core.api.Assertions.assertThat(publicTopLevel).hasSizeLessThanOrEqualTo(45);
    }

    @Test
    void subPackagesUseOnlyTheModelTypesOfTheRoot() {
        DescribedPredicate<JavaClass> rootButNotModel = new DescribedPredicate<>("root types other than " + ROOT_MODEL) {
            @Override
            public boolean test(JavaClass type) {
                return type.getPackageName().equals("dev.migrator")
                        && ROOT_MODEL.stream().noneMatch(model -> type.isEquivalentTo(model) || isNestedIn(type, model));
            }
        };
        noClasses().that().resideOutsideOfPackage("dev.migrator")
                .should().dependOnClassesThat(rootButNotModel)
                .check(core);
    }

    private static boolean isNestedIn(JavaClass type, Class<?> outer) {
        return type.getName().startsWith(outer.getName() + "$");
    }

    @Test
    void rootPackageHoldsAtMostTwelvePublicTypes() {
        long publicTopLevel = core.stream()
                .filter(c -> c.getPackageName().equals("dev.migrator"))
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .count();
        org.assertj.core.api.Assertions.assertThat(publicTopLevel).isLessThanOrEqualTo(12);
    }

    @Test
    void revisionGraphIsPureData() {
        classes().that().resideInAPackage("dev.migrator.internal.revision")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.migrator", "dev.migrator.internal.revision")
                .check(core);
    }

    @Test
    void revisionGraphUsesNoJdbc() {
        noClasses().that().resideInAPackage("dev.migrator.internal.revision")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.nio.file..")
                .check(core);
    }

    @Test
    void operationsKnowNothingOfExecution() {
        noClasses().that().resideInAPackage("dev.migrator.operation..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.migrator.internal.dialect..", "dev.migrator.internal.state..", "dev.migrator.internal.lock..",
                        "dev.migrator.internal.execute..", "dev.migrator.internal.command..", "dev.migrator.internal.source..")
                .check(core);
    }

    @Test
    void dialectsKnowNothingOfExecution() {
        noClasses().that().resideInAPackage("dev.migrator.internal.dialect..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.migrator.internal.state..", "dev.migrator.internal.lock..", "dev.migrator.internal.execute..",
                        "dev.migrator.internal.command..", "dev.migrator.internal.source..")
                .check(core);
    }

    @Test
    void onlyTheFacadePackageUsesTheFacade() {
        noClasses().that().resideOutsideOfPackage("dev.migrator")
                .should().dependOnClassesThat().haveFullyQualifiedName(Migrator.class.getName())
                .check(core);
    }

    @Test
    void verbsLiveInTheCommandPackageAndNothingBelowUsesThem() {
        noClasses().that().resideInAnyPackage("dev.migrator.internal.execute..", "dev.migrator.internal.state..", "dev.migrator.internal.lock..",
                        "dev.migrator.check..", "dev.migrator.internal.check..", "dev.migrator.schema..", "dev.migrator.internal.schema..", "dev.migrator.internal.source..", "dev.migrator.internal.revision..",
                        "dev.migrator.operation..", "dev.migrator.internal.dialect..")
                .should().dependOnClassesThat().resideInAPackage("dev.migrator.internal.command..")
                .check(core);
    }

    @Test
    void postgresqlTextIsWrittenByTheDialectOnly() {
        noClasses().that().resideOutsideOfPackage("dev.migrator.internal.dialect.postgresql..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.postgresql.util.ServerErrorMessage")
                .check(core);
    }
}
