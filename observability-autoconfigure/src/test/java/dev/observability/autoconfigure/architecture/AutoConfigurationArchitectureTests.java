package dev.observability.autoconfigure.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The auto-configuration's layering rules, checked on its compiled classes by {@code ./mvnw verify}: the core's
 * internals stay the core's, each backend's package stands alone, so that a backend's library missing from the class
 * path never breaks another backend, and no package cycles.
 */
@ArchTag("architecture")
@AnalyzeClasses(packages = "dev.observability.autoconfigure", importOptions = ImportOption.DoNotIncludeTests.class)
class AutoConfigurationArchitectureTests {

    private static final String PROMETHEUS = "dev.observability.autoconfigure.prometheus..";

    private static final String OPENTELEMETRY = "dev.observability.autoconfigure.opentelemetry..";

    @ArchTest
    static final ArchRule theCoresInternalsStayInTheCore = noClasses().should()
        .dependOnClassesThat().resideInAPackage("dev.observability.core.internal..")
        .because("the core's internal packages change without notice: what the auto-configuration needs is public API");

    @ArchTest
    static final ArchRule prometheusDoesNotUseOpenTelemetry = noClasses().that().resideInAPackage(PROMETHEUS)
        .should().dependOnClassesThat().resideInAPackage(OPENTELEMETRY);

    @ArchTest
    static final ArchRule openTelemetryDoesNotUsePrometheus = noClasses().that().resideInAPackage(OPENTELEMETRY)
        .should().dependOnClassesThat().resideInAPackage(PROMETHEUS);

    @ArchTest
    static final ArchRule backendLibrariesStayInTheirAdapterPackages = noClasses().that()
        .resideOutsideOfPackages(PROMETHEUS, OPENTELEMETRY)
        .should().dependOnClassesThat().resideInAnyPackage("io.prometheus..", "io.micrometer.prometheusmetrics..",
                "io.opentelemetry..")
        .because("a class outside a backend's package must load without that backend's library");

    @ArchTest
    static final ArchRule backendsDoNotUseTheBridges = noClasses().that()
        .resideInAnyPackage(PROMETHEUS, OPENTELEMETRY, "dev.observability.autoconfigure.micrometer..")
        .should().dependOnClassesThat().resideInAPackage("dev.observability.autoconfigure.bridge..")
        .because("a backend declares what it receives natively through the markers of the adapter package");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.observability.(**)").should().beFreeOfCycles();
}
