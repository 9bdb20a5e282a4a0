package dev.observability.core.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The condition that a public type's public surface (its supertypes and the types in its public and protected
 * fields, constructors and methods, type arguments included) shows no internal type of the project: none from a
 * package named {@code internal}, and none that is not public itself.
 */
final class PublicSignatures {

    private PublicSignatures() {
    }

    static ArchCondition<JavaClass> mentionNoInternalType() {
        return new ArchCondition<>("show no internal type in their public signatures") {

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!isVisible(type)) {
                    return;
                }
                List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
                type.getSuperclass().ifPresent(supertypes::add);
                supertypes.forEach((supertype) -> report(type.getName() + " extends", supertype, events));
                for (JavaMember member : type.getMembers()) {
                    if (!isExposed(member)) {
                        continue;
                    }
                    if (member instanceof JavaField field) {
                        report(member.getFullName(), field.getType(), events);
                    }
                    else if (member instanceof JavaCodeUnit codeUnit) {
                        report(member.getFullName(), codeUnit.getReturnType(), events);
                        codeUnit.getParameterTypes().forEach((parameter) -> report(member.getFullName(), parameter,
                                events));
                    }
                }
            }
        };
    }

    private static void report(String where, JavaType shown, ConditionEvents events) {
        for (JavaClass raw : shown.getAllInvolvedRawTypes()) {
            internal(raw).ifPresent((why) -> events.add(SimpleConditionEvent.violated(raw,
                    where + " shows " + raw.getName() + ", " + why)));
        }
    }

    private static Optional<String> internal(JavaClass raw) {
        JavaClass base = raw.getBaseComponentType();
        if (!base.getPackageName().startsWith("dev.observability.")) {
            return Optional.empty();
        }
        if (base.getPackageName().contains(".internal")) {
            return Optional.of("a type of an internal package");
        }
        return isVisible(base) ? Optional.empty() : Optional.of("a type that is not public");
    }

    private static boolean isExposed(JavaMember member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    /** @return whether the type and every type it is nested in are public */
    private static boolean isVisible(JavaClass type) {
        Optional<JavaClass> current = Optional.of(type);
        while (current.isPresent()) {
            if (!current.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
            current = current.get().getEnclosingClass();
        }
        return true;
    }
}
