package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account alone: each outcome lands in its own count, what entered the queue is pending until it leaves it with
 * an outcome, and signals are counted apart.
 */
class LaneAccountTests {

    private final LaneAccount account = new LaneAccount();

    @Test
    void eachOutcomeIsCountedUnderItsOwnNameAndInSubmitted() {
        SignalAccount metrics = this.account.of(Signal.METRICS);
        metrics.delivered();
        metrics.failed();
        metrics.failed();
        metrics.rejectedCircuitOpen();
        metrics.rejectedDisabled();
        metrics.rejectedReentrant();
        assertThat(this.account.counts(Signal.METRICS)).isEqualTo(new SignalCounts(6, 1, 2, 0, 1, 1, 1, 0));
    }

    @Test
    void aQueuedEventIsPendingUntilItLeavesTheQueueWithAnOutcome() {
        SignalAccount metrics = this.account.of(Signal.METRICS);
        for (int i = 0; i < 5; i++) {
            metrics.queued();
        }
        assertThat(this.account.counts(Signal.METRICS)).isEqualTo(new SignalCounts(5, 0, 0, 0, 0, 0, 0, 5));
        metrics.deliveredByWorker();
        metrics.failedByWorker();
        metrics.queuedDropped();
        metrics.queuedRejectedCircuitOpen();
        assertThat(this.account.counts(Signal.METRICS)).isEqualTo(new SignalCounts(5, 1, 1, 1, 1, 0, 0, 1));
    }

    @Test
    void inlineOutcomesOnALaneWithAQueueLeaveItsPendingAlone() {
        SignalAccount metrics = this.account.of(Signal.METRICS);
        metrics.queued();
        metrics.delivered();
        metrics.failed();
        assertThat(this.account.counts(Signal.METRICS).pending()).isEqualTo(1);
        assertThat(this.account.counts(Signal.METRICS).submitted()).isEqualTo(3);
    }

    @Test
    void signalsAreCountedApart() {
        this.account.of(Signal.METRICS).delivered();
        this.account.of(Signal.LOGGING).queued();
        this.account.of(Signal.LOGGING).deliveredByWorker();
        this.account.of(Signal.TRACING).delivered();
        assertThat(this.account.counts(Signal.METRICS).delivered()).isEqualTo(1);
        assertThat(this.account.counts(Signal.LOGGING)).isEqualTo(new SignalCounts(1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(this.account.counts(Signal.TRACING).delivered()).isEqualTo(1);
    }

    @Test
    void aSignalWithoutEventsCountsZero() {
        assertThat(this.account.counts(Signal.HEALTH)).isEqualTo(SignalCounts.ZERO);
    }
}
