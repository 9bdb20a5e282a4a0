package dev.observability.core.internal.dispatch;

/**
 * What a lane reports to its circuit breaker for a call that returned but took longer than the slow-call
 * threshold, so that slow calls count as failures in the breaker's failure rate. It is never thrown and has no
 * stack trace.
 */
final class SlowCallException extends Exception {

    static final SlowCallException INSTANCE = new SlowCallException();

    private static final long serialVersionUID = 1L;

    private SlowCallException() {
        super("the call took longer than the slow-call threshold", null, false, false);
    }
}
