package dev.observability.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.internal.manager.LiveSettings;
import dev.observability.core.internal.manager.SettingsLog;
import dev.observability.core.spi.Signal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's layering rules, checked on its compiled classes by {@code ./mvnw verify}: the core is plain Java, for
 * applications without Spring; the adapter SPI is a leaf; the internals stay off the public surface; no package
 * cycles; each signal has its own recorder, and the manager on top only delegates to them, apart from its controls,
 * which operate the pipeline and record nothing. The package map is in
 * {@code docs/architecture.md}.
 */
@ArchTag("architecture")
@AnalyzeClasses(packages = "dev.observability.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

    private static final String ROOT = "dev.observability.core";

    private static final String SPI = "dev.observability.core.spi..";

    private static final String BRIDGE = "dev.observability.core.bridge..";

    /** The manager's API for applications and bridges, and the built-in adapters. */
    private static final String[] API = { ROOT, "dev.observability.core.adapters", "dev.observability.core.bridge",
            "dev.observability.core.dispatch", "dev.observability.core.health", "dev.observability.core.logging",
            "dev.observability.core.metrics", "dev.observability.core.redaction", "dev.observability.core.settings",
            "dev.observability.core.tracing" };

    /** The internal package of each signal, where its recorder does that signal's work over the lanes. */
    private static final String[] SIGNALS = { "dev.observability.core.internal.metrics..",
            "dev.observability.core.internal.tracing..", "dev.observability.core.internal.logging..",
            "dev.observability.core.internal.health.." };

    /** What every signal's recorder shares: the lanes and their registry, and the appliers of the redaction rule. */
    private static final String[] SHARED_INTERNALS = { "dev.observability.core.internal.dispatch..",
            "dev.observability.core.internal.redaction.." };

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

    @ArchTest
    static final ArchRule eachSignalIsRecordedInItsOwnPackage = slices().matching("dev.observability.core.internal.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(resideInAPackage("dev.observability.core.internal.."),
                resideInAnyPackage(SHARED_INTERNALS))
        .because("each signal's recorder does that signal's work in its own internal package, and shares with the "
                + "others only the lanes and the redaction appliers");

    @ArchTest
    static final ArchRule theManagerReachesASignalOnlyThroughItsRecorder = noClasses().that().resideInAPackage(ROOT)
        .should().dependOnClassesThat(resideInAnyPackage(SIGNALS).and(not(simpleNameEndingWith("Recorder")))
            .and(not(simpleName("HealthMonitor"))))
        .because("the manager and its controls make no decision about a signal: the manager delegates each "
                + "recording to that signal's recorder (and runs the health schedule)");

    @ArchTest
    static final ArchRule theManagerMakesNoDecisionAboutASignal = noClasses()
        .that().belongToAnyOf(ObservabilityManager.class, ObservabilityControls.class)
        .should().dependOnClassesThat().belongToAnyOf(Signal.class)
        .orShould().callMethodWhere(target(nameMatching("isOn|routesToAny|submit|(metrics|tracing|logging|health)Lanes"))
            .and(target(owner(resideInAPackage("dev.observability.core.internal.dispatch..")))))
        .because("whether a signal is on, and which lanes receive its events, is its recorder's business");

    @ArchTest
    static final ArchRule theControlsRecordNothing = noClasses().that().belongToAnyOf(ObservabilityControls.class)
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Recorder")
        .because("the controls operate the pipeline (lanes, health, settings); recording is the manager's");

    @ArchTest
    static final ArchRule theManagerLeavesTheSettingsToItsControls = noClasses()
        .that().belongToAnyOf(ObservabilityManager.class)
        .should().dependOnClassesThat().belongToAnyOf(LiveSettings.class, SettingsLog.class)
        .because("the manager records; the settings changed at runtime live in its controls");

    @ArchTest
    static final ArchRule nothingInTheCoreCallsBackIntoTheManager = noClasses().that().resideOutsideOfPackage(ROOT)
        .should().dependOnClassesThat().resideInAPackage(ROOT)
        .because("the manager is the top of the core: recorders and bridges get what they need when they are made, "
                + "never by calling back into it");

    @ArchTest
    static final ArchRule theRootPackageHoldsOnlyTheApi = classes().that().resideInAPackage(ROOT)
        .and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
        .should().bePublic()
        .because("the machinery behind the manager lives in internal packages");

    @ArchTest
    static final ArchRule bridgesSeeContractsOnly = classes().that().resideInAPackage(BRIDGE)
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage(BRIDGE, SPI, "dev.observability.core.metrics..", "java..", "org.jspecify..")
        .because("what a bridge calls is a contract, implemented by the recorders in the internal packages");
}
