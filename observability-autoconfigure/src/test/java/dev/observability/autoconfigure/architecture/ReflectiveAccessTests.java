package dev.observability.autoconfigure.architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's reflective calls, each covered by a runtime hint: a call that looks a class or a member up at run time
 * finds it in a native image only when a hint registered it. The core's and the auto-configuration's main classes
 * make no reflective call but those of the allow-list below, and each of those is covered by a hint that a registrar
 * of the starter's {@code META-INF/spring/aot.factories} registers.
 */
@Tag("architecture")
class ReflectiveAccessTests {

    /** The calls that look a class or a member up at run time: by the class called, its methods ({@code *}: any). */
    private static final Map<String, Set<String>> REFLECTIVE = Map.ofEntries(
            Map.entry("java.lang.Class", Set.of("forName", "getConstructor", "getConstructors", "getDeclaredConstructor",
                    "getDeclaredConstructors", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
                    "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getRecordComponents",
                    "getClasses", "getDeclaredClasses", "newInstance", "getResource", "getResourceAsStream")),
            Map.entry("java.lang.ClassLoader", Set.of("loadClass", "getResource", "getResources",
                    "getResourceAsStream")),
            Map.entry("java.lang.reflect.Constructor", Set.of("newInstance")),
            Map.entry("java.lang.reflect.Method", Set.of("invoke")),
            Map.entry("java.lang.reflect.Field", Set.of("*")),
            Map.entry("java.lang.reflect.RecordComponent", Set.of("getAccessor")),
            Map.entry("java.lang.reflect.Proxy", Set.of("newProxyInstance")),
            Map.entry("java.lang.invoke.MethodHandles$Lookup", Set.of("findVirtual", "findStatic", "findSpecial",
                    "findConstructor", "findGetter", "findSetter", "findStaticGetter", "findStaticSetter",
                    "findVarHandle", "findStaticVarHandle", "findClass", "unreflect", "unreflectConstructor",
                    "unreflectGetter", "unreflectSetter")),
            Map.entry("java.util.ServiceLoader", Set.of("load", "loadInstalled")),
            Map.entry("java.util.concurrent.atomic.AtomicIntegerFieldUpdater", Set.of("newUpdater")),
            Map.entry("java.util.concurrent.atomic.AtomicLongFieldUpdater", Set.of("newUpdater")),
            Map.entry("java.util.concurrent.atomic.AtomicReferenceFieldUpdater", Set.of("newUpdater")),
            Map.entry("org.springframework.util.ClassUtils", Set.of("forName", "isPresent", "resolveClassName",
                    "getConstructorIfAvailable", "getMethod", "getMethodIfAvailable", "getStaticMethod", "hasMethod",
                    "hasConstructor")),
            Map.entry("org.springframework.util.ReflectionUtils", Set.of("*")),
            Map.entry("org.springframework.beans.BeanUtils", Set.of("instantiateClass", "findMethod",
                    "findDeclaredMethod", "findMethodWithMinimalParameters", "getPropertyDescriptors",
                    "getPropertyDescriptor", "copyProperties")),
            Map.entry("org.springframework.core.io.support.SpringFactoriesLoader", Set.of("*")),
            Map.entry("org.springframework.boot.util.Instantiator", Set.of("*")));

    /**
     * The reflective calls the starter makes, each by the class that makes it, the method it calls, and the hint that
     * covers it.
     */
    private static final List<AllowedCall> ALLOWED = List.of(
            new AllowedCall("dev.observability.autoconfigure.logging.StructuredLogFormatDefaults",
                    "org.springframework.util.ClassUtils.isPresent", "Logback's LoggerContext, by name",
                    RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of("ch.qos.logback.classic.LoggerContext"))),
            new AllowedCall("dev.observability.autoconfigure.bridge.observation.ObservationBridgeTracingIds",
                    "org.springframework.util.ClassUtils.isPresent",
                    "Micrometer Tracing's TracingObservationHandler, by name", RuntimeHintsPredicates.reflection()
                        .onType(TypeReference.of("io.micrometer.tracing.handler.TracingObservationHandler"))),
            new AllowedCall("dev.observability.core.internal.tracing.SpanOperations",
                    "java.lang.invoke.MethodHandles$Lookup.findVarHandle", "the managed span's operations field",
                    fieldAccess("dev.observability.core.internal.tracing.ManagedSpan", "operations")));

    private final JavaClasses starter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption((location) -> !location.contains("-tests.jar"))
        .importPackages("dev.observability.core", "dev.observability.autoconfigure");

    @Test
    void makesNoReflectiveCallOutsideTheAllowList() {
        ArchRule rule = classes().should(new ArchCondition<JavaClass>("make no reflective call outside the allow-list") {

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaCodeUnitAccess<?> call : type.getCodeUnitAccessesFromSelf()) {
                    if (isReflective(call) && ALLOWED.stream().noneMatch((allowed) -> allowed.matches(call))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        }).because("a reflective call finds its class or member in a native image only when a runtime hint "
                + "registers it: add the hint to a registrar in aot.factories and the call to the allow-list");
        rule.check(this.starter);
    }

    @Test
    void makesEveryCallOfTheAllowList() {
        for (AllowedCall allowed : ALLOWED) {
            assertThat(this.starter.get(allowed.origin()).getCodeUnitAccessesFromSelf()).as(allowed.toString())
                .anyMatch(allowed::matches);
        }
    }

    @Test
    void coversEveryCallOfTheAllowListWithAHintRegisteredInAotFactories() {
        RuntimeHints hints = new RuntimeHints();
        List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(RuntimeHintsRegistrar.class);
        assertThat(registrars).isNotEmpty();
        registrars.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
        for (AllowedCall allowed : ALLOWED) {
            assertThat(allowed.hint()).as(allowed.toString()).accepts(hints);
        }
    }

    private static Predicate<RuntimeHints> fieldAccess(String type, String field) {
        try {
            return RuntimeHintsPredicates.reflection().onFieldAccess(type, field);
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("No class " + type + " for the allow-list", ex);
        }
    }

    private static boolean isReflective(JavaCodeUnitAccess<?> call) {
        Set<String> methods = REFLECTIVE.get(call.getTargetOwner().getName());
        return methods != null && (methods.contains("*") || methods.contains(call.getName()));
    }

    /**
     * A reflective call the starter makes.
     *
     * @param origin the class that makes it (its nested classes' calls count as its own)
     * @param target the method called, by its class's and its own name
     * @param looksUp what the call looks up
     * @param hint the hint that covers it
     */
    private record AllowedCall(String origin, String target, String looksUp, Predicate<RuntimeHints> hint) {

        boolean matches(JavaCodeUnitAccess<?> call) {
            JavaClass caller = call.getOriginOwner();
            String callerName = caller.getName();
            boolean fromOrigin = callerName.equals(this.origin) || callerName.startsWith(this.origin + "$");
            return fromOrigin && this.target.equals(call.getTargetOwner().getName() + "." + call.getName());
        }

        @Override
        public String toString() {
            return this.origin + " calls " + this.target + " for " + this.looksUp;
        }
    }
}
