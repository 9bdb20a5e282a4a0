package dev.observability.sample;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sample uses the starter as an application does: nothing of the core's internal packages, which change without
 * notice.
 */
@ArchTag("architecture")
@AnalyzeClasses(packages = "dev.observability.sample", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTests {

    @ArchTest
    static final ArchRule theCoresInternalsStayInTheCore = noClasses().should()
        .dependOnClassesThat().resideInAPackage("dev.observability.core.internal..")
        .because("an application uses the starter's API and SPI");
}
