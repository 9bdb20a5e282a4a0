package dev.observability.fleet;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests sent to one instance, one after the other on a thread of their own, until {@link #stop()}, at most
 * {@value #MAX_REQUESTS} of them: it counts those answered 200 and keeps what went wrong with the others.
 */
final class Traffic implements AutoCloseable {

    /** The most requests sent. */
    static final int MAX_REQUESTS = 200_000;

    private final String url;

    private final Thread thread;

    private final AtomicBoolean stopped = new AtomicBoolean();

    private final AtomicLong answered = new AtomicLong();

    private final List<String> failures = new CopyOnWriteArrayList<>();

    private Traffic(String url) {
        this.url = url;
        this.thread = new Thread(this::send, "traffic to " + url);
    }

    /**
     * @param url the URL to GET
     * @return the traffic, started
     */
    static Traffic start(String url) {
        Traffic traffic = new Traffic(url);
        traffic.thread.start();
        return traffic;
    }

    private void send() {
        for (int i = 0; i < MAX_REQUESTS && !this.stopped.get(); i++) {
            try {
                FleetHttp.Answer answer = FleetHttp.get(this.url);
                if (answer.status() == 200) {
                    this.answered.incrementAndGet();
                }
                else {
                    this.failures.add(answer.status() + " " + answer.body());
                }
            }
            catch (IOException ex) {
                this.failures.add(ex.toString());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops sending and waits for the last request's answer.
     * @throws InterruptedException when interrupted while waiting
     */
    void stop() throws InterruptedException {
        this.stopped.set(true);
        this.thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** @return the requests answered 200 */
    long answered() {
        return this.answered.get();
    }

    /** @return what went wrong with the requests not answered 200 */
    List<String> failures() {
        return List.copyOf(this.failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
