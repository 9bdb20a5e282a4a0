package dev.observability.autoconfigure.bridge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;

/**
 * A custom metrics adapter, as a user would write one, that writes down every event it receives as one line.
 */
public final class EventLog implements MetricsAdapter {

    private final String name;

    private final DispatchMode dispatch;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /**
     * @param name the adapter's name
     * @param dispatch how it wants to be called
     */
    public EventLog(String name, DispatchMode dispatch) {
        this.name = name;
        this.dispatch = dispatch;
    }

    /** @return the events received, one line each, such as {@code counter jobs{queue=a} 1.0} */
    public List<String> lines() {
        return this.lines;
    }

    /**
     * @param prefix the start of a line
     * @return the lines that start with it
     */
    public List<String> linesStartingWith(String prefix) {
        return this.lines.stream().filter((line) -> line.startsWith(prefix)).toList();
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return this.dispatch;
    }

    @Override
    public void counter(MetricId metric, double amount) {
        this.lines.add("counter " + metric + " " + amount);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        this.lines.add("gauge " + metric + " " + value);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        this.lines.add("histogram " + metric + " " + value);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        this.lines.add("timing " + metric + " " + duration.toMillis() + "ms");
    }
}
