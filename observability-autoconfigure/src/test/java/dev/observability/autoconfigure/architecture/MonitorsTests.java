package dev.observability.autoconfigure.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every monitor the starter's classes take ({@code synchronized} methods, and {@code synchronized} blocks, which
 * ArchUnit cannot see, read here from the bytecode's {@code monitorenter}) is on a list of sections that only change
 * memory: none waits for I/O or for another thread, so none holds (or, on Java 21 to 23, pins) a request's virtual
 * thread for longer than a few field writes. Sections that do more (writing a line, registering a meter, changing
 * settings from the endpoint) use a {@code ReentrantLock}; a new monitor fails here until it is judged and listed.
 */
@Tag("architecture")
class MonitorsTests {

    private static final String IN_MEMORY = "in-memory bookkeeping";

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            entry("core.internal.dispatch.AsyncDispatcher#configure", "swaps workers; starting a thread is not waiting"),
            entry("core.internal.dispatch.AsyncDispatcher#retireAll", IN_MEMORY),
            entry("core.internal.dispatch.AsyncDispatcher#oversized", "a worker's own thread"),
            entry("core.internal.dispatch.AsyncDispatcher#ended", "a worker's own thread"),
            entry("core.internal.dispatch.AsyncDispatcher#start", "start-up"),
            entry("core.internal.dispatch.AsyncDispatcher#requestStop", "shutdown; unparks, never waits"),
            entry("core.internal.dispatch.AsyncDispatcher#awaitStop", "copies the workers; waits outside the lock"),
            entry("core.internal.dispatch.AsyncDispatcher#depth", IN_MEMORY),
            entry("core.internal.dispatch.AsyncDispatcher#currentCallNanos", IN_MEMORY),
            entry("core.internal.dispatch.LaneWorker#endIfEmpty", "a worker's own thread"),
            entry("core.internal.dispatch.LaneWorker#awaitStop", "shutdown; joins outside the lock"),
            entry("core.internal.dispatch.LaneWorker#sweepIfEnded", "only after stop began"),
            entry("core.internal.dispatch.CoarseClock#hold", "unparks the clock, never waits"),
            entry("core.internal.dispatch.CoarseClock#release", "unparks the clock, never waits"),
            entry("core.internal.dispatch.CoarseClock$Hold#holdAt", IN_MEMORY),
            entry("core.internal.dispatch.LaneRegistry#addLane", "start-up"),
            entry("core.internal.dispatch.LaneRegistry#onRegistered", "copies the lanes; calls outside the lock"),
            entry("core.internal.dispatch.LaneRegistry#lane", IN_MEMORY),
            entry("core.internal.dispatch.LaneRegistry#all", IN_MEMORY),
            entry("core.internal.dispatch.LaneRegistry#start", "start-up"),
            entry("core.internal.dispatch.LaneRegistry#isStarted", IN_MEMORY),
            entry("core.internal.dispatch.LaneRegistry#stop", "shutdown"),
            entry("core.internal.health.HealthMonitor#register", "start-up"),
            entry("core.internal.health.HealthMonitor#start", "start-up"),
            entry("core.internal.health.HealthMonitor#stop", "shutdown"),
            entry("autoconfigure.bridge.observation.ObservationBridgeHandler$Recording#accept", IN_MEMORY),
            entry("autoconfigure.bridge.observation.ObservationBridgeHandler$Recording#addEvent", IN_MEMORY),
            entry("autoconfigure.bridge.observation.ObservationBridgeHandler$Recording#ownIds", IN_MEMORY),
            entry("autoconfigure.bridge.observation.ObservationBridgeHandler$Recording#stopped", IN_MEMORY),
            entry("autoconfigure.bridge.micrometer.MicrometerBridgeRegistry#connect", "start-up"),
            entry("autoconfigure.bridge.micrometer.MicrometerBridgeRegistry#close", "shutdown"),
            entry("autoconfigure.bridge.micrometer.MicrometerBridgeSampler#sample", "the bridge's own sampling thread"),
            entry("autoconfigure.bridge.logback.LogbackBridgeLifecycle#start", "start-up"),
            entry("autoconfigure.bridge.logback.LogbackBridgeLifecycle#stop", "shutdown"),
            entry("autoconfigure.bridge.logback.LogbackBridgeLifecycle#isRunning", IN_MEMORY),
            entry("autoconfigure.micrometer.CardinalityGuard#take", "logs its refusals after the lock"),
            entry("autoconfigure.micrometer.CardinalityGuard#claimNameLimitLog", IN_MEMORY),
            entry("autoconfigure.micrometer.CardinalityGuard#claimLabelSetLimitLog", IN_MEMORY));

    @Test
    void everyMonitorTheStarterTakesIsListedAsInMemoryOnly() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> module : new Class<?>[] { ObservabilityManager.class, ObservabilityAutoConfiguration.class }) {
            monitorsOf(module, found);
        }
        assertThat(found).as("monitors in the starter's classes, each listed, and no listed one gone")
            .isNotEmpty()
            .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    private static void monitorsOf(Class<?> module, Set<String> found) throws IOException, URISyntaxException {
        URI location = module.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            scan(root, found);
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            scan(jar.getPath("/"), found);
        }
    }

    private static void scan(Path root, Set<String> found) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("dev/observability"))) {
            for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    new ClassReader(in).accept(new MonitorFinder(found), ClassReader.SKIP_DEBUG);
                }
            }
        }
    }

    /** Adds {@code package.Class#method} for each method that is synchronized or enters a monitor. */
    private static final class MonitorFinder extends ClassVisitor {

        private final Set<String> found;

        private String owner = "";

        MonitorFinder(Set<String> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.owner = name.replace('/', '.').substring("dev.observability.".length());
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            String method = this.owner + "#" + name;
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                this.found.add(method);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.MONITORENTER) {
                        MonitorFinder.this.found.add(method);
                    }
                }
            };
        }
    }
}
