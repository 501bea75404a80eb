package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PatronAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static PatronRecord withFailures(int failures, Instant last) {
        return new PatronRecord(1, 1, "b", "n", "$argon2id$x", failures, last, false, null, null, "PUBLIC", "OK",
                null, null, null, null, null, false, 0, 0, 0);
    }

    @Test
    @DisplayName("below 5 consecutive failures nothing is throttled")
    void belowThreshold() {
        assertThat(PatronAuthenticator.throttled(withFailures(4, NOW), NOW)).isFalse();
    }

    @Test
    @DisplayName("from 5 failures on, attempts wait out a pause that doubles (30 s, 60 s, ...) up to an hour")
    void doublingPause() {
        assertThat(PatronAuthenticator.throttled(withFailures(5, NOW.minusSeconds(29)), NOW)).isTrue();
        assertThat(PatronAuthenticator.throttled(withFailures(5, NOW.minusSeconds(31)), NOW)).isFalse();
        assertThat(PatronAuthenticator.throttled(withFailures(6, NOW.minusSeconds(59)), NOW)).isTrue();
        assertThat(PatronAuthenticator.throttled(withFailures(6, NOW.minusSeconds(61)), NOW)).isFalse();
        assertThat(PatronAuthenticator.throttled(withFailures(40, NOW.minusSeconds(3599)), NOW)).isTrue();
        assertThat(PatronAuthenticator.throttled(withFailures(40, NOW.minusSeconds(3601)), NOW)).isFalse();
    }
}
