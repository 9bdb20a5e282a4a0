package dev.observability.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core's layering rules, checked on its compiled classes by {@code ./mvnw verify}: the core is plain Java, for
 * applications without Spring.
 */
@AnalyzeClasses(packages = "dev.observability.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

    @ArchTest
    static final ArchRule coreDoesNotUseSpring = noClasses().should()
        .dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .because("the core runs in applications without Spring");

    @ArchTest
    static final ArchRule coreDoesNotUseTheAutoConfiguration = noClasses().should()
        .dependOnClassesThat().resideInAnyPackage("dev.observability.autoconfigure..")
        .because("the auto-configuration builds on the core, never the other way round");
}
