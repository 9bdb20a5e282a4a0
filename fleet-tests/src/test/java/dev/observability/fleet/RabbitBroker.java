package dev.observability.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A RabbitMQ broker of its own (Debian's {@code rabbitmq-server}) for one test, on loopback only: AMQP, Erlang
 * distribution and its own {@code epmd} each on a free port of 127.0.0.1, its node name, database, logs, configuration
 * and Erlang cookie in a directory of the test. {@link #start} returns once the broker accepts AMQP connections;
 * {@link #close} stops the broker and that {@code epmd}. Default user {@code guest}/{@code guest}, which RabbitMQ
 * accepts from loopback only.
 */
final class RabbitBroker implements AutoCloseable {

    /** Where Debian installs the broker's own start script (not the wrapper in /usr/sbin, which changes user). */
    static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");

    /** How long a broker may take to accept connections, on a loaded 2-core machine. */
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Process process;

    private final int port;

    private final int epmdPort;

    private RabbitBroker(Process process, int port, int epmdPort) {
        this.process = process;
        this.port = port;
        this.epmdPort = epmdPort;
    }

    /**
     * Starts a broker and waits until it accepts connections.
     * @param directory an empty directory for the broker's files
     * @return the started broker
     * @throws IOException when its files or process cannot be made
     */
    static RabbitBroker start(Path directory) throws IOException {
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException("RabbitMQ is not installed at " + SERVER
                    + ": install Debian's rabbitmq-server (apt-get install rabbitmq-server, as .ci/run does)");
        }
        int port = FleetHttp.freeLoopbackPort();
        int epmdPort = FleetHttp.freeLoopbackPort();
        Path config = Files.writeString(directory.resolve("rabbitmq.conf"), """
                listeners.tcp.1 = 127.0.0.1:%d
                loopback_users.guest = true
                """.formatted(port));
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString()).directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("rabbitmq-server.out").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HOME", directory.toString());
        environment.put("RABBITMQ_NODENAME", "fleet-" + port + "@localhost");
        environment.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        environment.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        environment.put("RABBITMQ_DIST_PORT", Integer.toString(FleetHttp.freeLoopbackPort()));
        // The distribution listener binds to loopback too: the broker's environment does not do that for it.
        environment.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        environment.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        environment.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        environment.put("RABBITMQ_CONFIG_FILE", config.toString());
        environment.put("RABBITMQ_CONF_ENV_FILE", Files.writeString(directory.resolve("rabbitmq-env.conf"), "")
            .toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE",
                Files.writeString(directory.resolve("enabled_plugins"), "[].").toString());
        environment.put("RABBITMQ_MNESIA_BASE", Files.createDirectories(directory.resolve("mnesia")).toString());
        environment.put("RABBITMQ_LOG_BASE", Files.createDirectories(directory.resolve("log")).toString());
        RabbitBroker broker = new RabbitBroker(builder.start(), port, epmdPort);
        try {
            await("RabbitMQ accepting connections on 127.0.0.1:" + port).atMost(START_DEADLINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> broker.running() && broker.acceptsConnections());
        }
        catch (RuntimeException | Error ex) {
            try {
                broker.close();
            }
            catch (RuntimeException stopping) {
                ex.addSuppressed(stopping);
            }
            throw ex;
        }
        return broker;
    }

    /** @return the AMQP port on 127.0.0.1 */
    int port() {
        return this.port;
    }

    private boolean running() {
        if (!this.process.isAlive()) {
            throw new IllegalStateException("rabbitmq-server ended with exit code " + this.process.exitValue());
        }
        return true;
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * Stops the broker (its start script stops the Erlang node on SIGTERM and waits for it), then its {@code epmd},
     * which stops only once no node is registered with it.
     */
    @Override
    public void close() {
        List<ProcessHandle> node = this.process.descendants().toList();
        stop(this.process.toHandle());
        node.forEach(RabbitBroker::stop);
        try {
            Process epmd = new ProcessBuilder("epmd", "-port", Integer.toString(this.epmdPort), "-kill")
                .redirectErrorStream(true)
                .start();
            String answer = new String(epmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!epmd.waitFor(10, TimeUnit.SECONDS) || !answer.equals("Killed")) {
                throw new IllegalStateException("epmd on port " + this.epmdPort + " did not stop: " + answer);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("epmd on port " + this.epmdPort + " could not be stopped", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a process, gracefully first and forcibly after 30 seconds. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            process.destroyForcibly();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
