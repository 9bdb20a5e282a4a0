package dev.observability.autoconfigure.micrometer;

import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardinalityGuardTests {

    @Test
    void admitsTheLimitOfLabelSetsPerNameThenRefuses() {
        CardinalityGuard guard = new CardinalityGuard("prom", 2, 10);
        assertThat(guard.admit(user("logins", 1))).isTrue();
        assertThat(guard.refuses(user("logins", 2))).isFalse();
        assertThat(guard.admit(user("logins", 2))).isTrue();
        assertThat(guard.admit(user("logins", 3))).isFalse();
        assertThat(guard.refuses(user("logins", 4))).isTrue();
        assertThat(guard.admit(user("signups", 1))).isTrue();
    }

    @Test
    void refusesNewNamesBeyondTheNameLimit() {
        CardinalityGuard guard = new CardinalityGuard("prom", 10, 2);
        assertThat(guard.admit(user("first", 1))).isTrue();
        assertThat(guard.admit(user("second", 1))).isTrue();
        assertThat(guard.admit(user("third", 1))).isFalse();
        assertThat(guard.refuses(user("third", 1))).isTrue();
        assertThat(guard.admit(user("first", 2))).isTrue();
        assertThat(guard.names()).isEqualTo(2);
    }

    @Test
    void keepsTheCountOfEveryNameWhenTheTableGrows() {
        CardinalityGuard guard = new CardinalityGuard("prom", 2, 1_000);
        for (int round = 1; round <= 2; round++) {
            for (int name = 0; name < 500; name++) {
                assertThat(guard.admit(user("metric." + name, round))).isTrue();
            }
        }
        for (int name = 0; name < 500; name++) {
            assertThat(guard.admit(user("metric." + name, 3))).isFalse();
        }
        assertThat(guard.names()).isEqualTo(500);
    }

    private static MetricId user(String name, int user) {
        return new MetricId(name, Labels.of("user", "u" + user));
    }
}
