package dev.observability.core.redaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVerdictsTests {

    private final KeyVerdicts verdicts = new KeyVerdicts();

    @Test
    void givesBackTheVerdictKeptForAKey() {
        this.verdicts.put("db.password", true);
        this.verdicts.put("region", false);
        assertThat(this.verdicts.get("db.password")).isEqualTo(KeyVerdicts.SENSITIVE);
        assertThat(this.verdicts.get(new String("region"))).isEqualTo(KeyVerdicts.NOT_SENSITIVE);
        assertThat(this.verdicts.get("user")).isEqualTo(KeyVerdicts.UNKNOWN);
    }

    @Test
    void holdsNoMoreThanItsSlotsHoweverManyKeysItSees() {
        for (int i = 0; i < 100_000; i++) {
            this.verdicts.put("hostile-" + i, (i % 2) == 0);
        }
        assertThat(this.verdicts.size()).isLessThanOrEqualTo(KeyVerdicts.SLOTS);
    }

    @Test
    void leavesOutKeysTooLongToKeep() {
        String longKey = "k".repeat(KeyVerdicts.MAX_KEY_LENGTH + 1);
        this.verdicts.put(longKey, true);
        assertThat(this.verdicts.get(longKey)).isEqualTo(KeyVerdicts.UNKNOWN);
        assertThat(this.verdicts.size()).isZero();
    }

    @Test
    void aKeyWhoseSlotWasTakenIsUnknownRatherThanGivenAnotherKeysVerdict() {
        String first = "key-0";
        String second = keyInTheSameSlotAs(first);
        this.verdicts.put(first, true);
        this.verdicts.put(second, false);
        assertThat(this.verdicts.get(first)).isEqualTo(KeyVerdicts.UNKNOWN);
        assertThat(this.verdicts.get(second)).isEqualTo(KeyVerdicts.NOT_SENSITIVE);
    }

    private static String keyInTheSameSlotAs(String key) {
        for (int i = 1;; i++) {
            String other = "key-" + i;
            KeyVerdicts probe = new KeyVerdicts();
            probe.put(key, true);
            probe.put(other, false);
            if (probe.get(key) == KeyVerdicts.UNKNOWN) {
                return other;
            }
        }
    }
}
