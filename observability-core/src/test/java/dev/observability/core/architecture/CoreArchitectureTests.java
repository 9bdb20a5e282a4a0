package dev.observability.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's layering rules, checked on its compiled classes by {@code ./mvnw verify}: the core is plain Java, for
 * applications without Spring; the adapter SPI is a leaf; the internals stay off the public surface; no package
 * cycles. The package map is in {@code docs/architecture.md}.
 */
@AnalyzeClasses(packages = "dev.observability.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

    private static final String SPI = "dev.observability.core.spi..";

    /** The manager's API for applications, and the built-in adapters. */
    private static final String[] API = { "dev.observability.core", "dev.observability.core.adapters",
            "dev.observability.core.dispatch", "dev.observability.core.health", "dev.observability.core.metrics",
            "dev.observability.core.redaction", "dev.observability.core.settings", "dev.observability.core.tracing" };

    @ArchTest
    static final ArchRule coreDoesNotUseSpring = noClasses().should()
        .dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .because("the core runs in applications without Spring");

    @ArchTest
    static final ArchRule coreDoesNotUseTheAutoConfiguration = noClasses().should()
        .dependOnClassesThat().resideInAnyPackage("dev.observability.autoconfigure..")
        .because("the auto-configuration builds on the core, never the other way round");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.observability.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theSpiIsALeaf = classes().that().resideInAPackage(SPI)
        .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, "java..", "org.jspecify..")
        .because("an adapter author compiles against the SPI alone");

    @ArchTest
    static final ArchRule builtInAdaptersUseOnlyTheSpi = classes().that()
        .resideInAPackage("dev.observability.core.adapters..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("dev.observability.core.adapters..", SPI, "java..", "org.jspecify..", "tools.jackson..")
        .because("the built-in adapters are adapters like any other");

    @ArchTest
    static final ArchRule theSpiShowsNoInternalType = classes().that().resideInAPackage(SPI)
        .should(PublicSignatures.mentionNoInternalType());

    @ArchTest
    static final ArchRule theApiShowsNoInternalType = classes().that().resideInAnyPackage(API)
        .should(PublicSignatures.mentionNoInternalType());
}
