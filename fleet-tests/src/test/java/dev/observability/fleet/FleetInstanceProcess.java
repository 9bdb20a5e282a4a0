package dev.observability.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.observability.fleet.instance.FleetInstance;

import static org.awaitility.Awaitility.await;

/**
 * One instance of the fleet ({@link FleetInstance}) as a process of its own, on the test's class path (the file the
 * build writes, named by the system property {@code fleet.classpath}, and the test classes) but the Config Server's
 * jar: its standard output in a
 * file, its port on loopback chosen by the test. {@link #awaitUp} waits until its health answers; {@link #close} stops
 * it.
 */
final class FleetInstanceProcess implements AutoCloseable {

    /** How long an instance may take to start, on a loaded 2-core machine. */
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    private final String name;

    private final Process process;

    private final Path output;

    private final int port;

    private FleetInstanceProcess(String name, Process process, Path output, int port) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts an instance without waiting for it.
     * @param name the instance's name, its OpenTelemetry {@code service.instance.id}
     * @param directory where its output goes
     * @param arguments its arguments, such as {@code --spring.config.import=configserver:...}
     * @return the instance, starting
     * @throws IOException when the process cannot be started
     */
    static FleetInstanceProcess start(String name, Path directory, List<String> arguments) throws IOException {
        int port = FleetHttp.freeLoopbackPort();
        String classpath = classpath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, FleetInstance.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--management.opentelemetry.resource-attributes.service.instance.id=" + name));
        command.addAll(arguments);
        Path output = directory.resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        return new FleetInstanceProcess(name, process, output, port);
    }

    /**
     * The test's class path without the Config Server, which on an application's class path switches its Config
     * client off (when it is not itself a client of another Config Server).
     */
    private static String classpath() throws IOException {
        Stream<String> entries = Stream.concat(
                Arrays.stream(Files.readString(Path.of(System.getProperty("fleet.classpath"))).strip()
                    .split(File.pathSeparator)),
                Stream.of(System.getProperty("fleet.classes")));
        return entries.filter((entry) -> !Path.of(entry).getFileName().toString()
            .startsWith("spring-cloud-config-server-")).collect(Collectors.joining(File.pathSeparator));
    }

    /** Waits until the instance's health answers UP; fails at once when the process ends first. */
    void awaitUp() {
        await(this.name + " up").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!this.process.isAlive()) {
                throw new IllegalStateException(this.name + " ended with exit code " + this.process.exitValue()
                        + ":\n" + output());
            }
            try {
                return FleetHttp.get(url("/actuator/health")).body().contains("\"UP\"");
            }
            catch (IOException ex) {
                return false;
            }
        });
    }

    /** @return the instance's name */
    String name() {
        return this.name;
    }

    /**
     * @param path a path, such as {@code /actuator/observability}
     * @return its URL on this instance
     */
    String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }

    /** @return what the instance printed so far */
    String output() throws IOException {
        return Files.readString(this.output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
            this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return this.name;
    }
}
