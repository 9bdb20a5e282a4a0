package com.example.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

import org.springframework.stereotype.Component;

@Component
public class FileMetricsAdapter implements MetricsAdapter {

    private final Writer out;

    public FileMetricsAdapter() throws IOException {
        this.out = Files.newBufferedWriter(Path.of("metrics.log"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public String name() {
        return "file";                        // its key in observability.adapters.file.* and in Actuator
    }

    @Override
    public void counter(MetricId metric, double amount) {
        write("counter", metric, amount);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        write("gauge", metric, value);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        write("histogram", metric, value);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        write("timing", metric, duration.toNanos() / 1e6);
    }

    @Override
    public AdapterHealth health() {
        return AdapterHealth.up().withDetail("file", "metrics.log");
    }

    @Override
    public void close() throws IOException {
        this.out.close();                     // called once, after the lane has drained, when the app stops
    }

    private void write(String kind, MetricId metric, double value) {
        try {
            this.out.write(kind + " " + metric.name() + " " + metric.labels().asMap() + " " + value + "\n");
            this.out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);   // let it throw: the lane counts it and the breaker sees it
        }
    }
}
