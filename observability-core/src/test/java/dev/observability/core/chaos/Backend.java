package dev.observability.core.chaos;

import java.io.UncheckedIOException;
import java.net.ConnectException;

import dev.observability.core.spi.AdapterHealth;

/**
 * A stand-in for a remote backend a custom adapter talks to: while it is down every call fails as a refused
 * connection does, and the adapter's own health says so.
 */
public final class Backend implements ChaosAdapter.Behaviour {

    private volatile boolean up;

    /** @param up whether it starts up */
    public Backend(boolean up) {
        this.up = up;
    }

    /** @param up whether it answers from now on */
    public void setUp(boolean up) {
        this.up = up;
    }

    @Override
    public void act() {
        if (!this.up) {
            throw new UncheckedIOException(new ConnectException("Connection refused: 127.0.0.1:9"));
        }
    }

    /** @return the health the adapter reports for it */
    public AdapterHealth health() {
        return this.up ? AdapterHealth.up() : AdapterHealth.down("backend 127.0.0.1:9 refuses connections");
    }
}
