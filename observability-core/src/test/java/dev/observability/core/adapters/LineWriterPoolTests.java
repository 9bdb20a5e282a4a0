package dev.observability.core.adapters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineWriterPoolTests {

    @Test
    void lendsAWriterGivenBack() {
        LineWriterPool pool = new LineWriterPool(2);
        JsonLogFormat.LineWriter writer = pool.take();
        pool.give(writer);
        assertThat(pool.take()).isSameAs(writer);
    }

    @Test
    void makesAWriterWhenEveryPooledOneIsLent() {
        LineWriterPool pool = new LineWriterPool(1);
        JsonLogFormat.LineWriter lent = pool.take();
        assertThat(pool.take()).isNotSameAs(lent);
    }

    @Test
    void keepsNoMoreIdleWritersThanItsSize() {
        LineWriterPool pool = new LineWriterPool(1);
        JsonLogFormat.LineWriter first = pool.take();
        JsonLogFormat.LineWriter second = pool.take();
        pool.give(first);
        pool.give(second);
        assertThat(pool.take()).isSameAs(first);
        assertThat(pool.take()).isNotSameAs(second).isNotSameAs(first);
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LineWriterPool(0))
            .withMessageContaining("at least one writer");
    }
}
