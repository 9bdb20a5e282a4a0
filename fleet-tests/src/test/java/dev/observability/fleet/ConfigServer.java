package dev.observability.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Cloud Config Server in the test's JVM on a free loopback port, serving from its file-system ("native")
 * backend: the properties file of one application in a directory of the test, which {@link #configure} rewrites.
 * Only the server runs in it: its own Config client, Bus and the starter, which share the test's class path, are off.
 */
final class ConfigServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final Path file;

    private ConfigServer(ConfigurableApplicationContext context, Path file) {
        this.context = context;
        this.file = file;
    }

    /**
     * @param directory the backend's directory
     * @param application the name of the application served
     * @param lines the application's properties at start
     * @return the started server
     * @throws IOException when the file cannot be written
     */
    static ConfigServer start(Path directory, String application, List<String> lines) throws IOException {
        Path file = directory.resolve(application + ".properties");
        Files.write(file, lines);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
            .bannerMode(Banner.Mode.OFF)
            .properties("spring.profiles.active=native",
                    "spring.cloud.config.server.native.search-locations=file:" + directory + "/",
                    "spring.application.name=configserver", "server.address=127.0.0.1", "server.port=0",
                    "spring.cloud.config.enabled=false", "spring.cloud.bus.enabled=false",
                    "spring.cloud.stream.function.autodetect=false", "management.health.rabbit.enabled=false",
                    "observability.enabled=false", "management.tracing.export.enabled=false",
                    "spring.main.lazy-initialization=false")
            .run();
        return new ConfigServer(context, file);
    }

    /** @return the server's base URL */
    String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
    }

    /**
     * @param lines the application's properties from now on
     * @throws IOException when the file cannot be written
     */
    void configure(List<String> lines) throws IOException {
        Files.write(this.file, lines);
    }

    @Override
    public void close() {
        this.context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigServer
    static class Server {

    }
}
