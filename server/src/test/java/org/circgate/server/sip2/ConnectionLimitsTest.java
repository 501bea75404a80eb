package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 6 connection caps: global and per source address, slots given back (operations reference 3.9). */
class ConnectionLimitsTest {
    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    @DisplayName("at most N per address; another address still gets in until the global cap")
    void caps() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(3, 2);
        assertThat(limits.tryAcquire(address("10.0.0.1"))).isTrue();
        assertThat(limits.tryAcquire(address("10.0.0.1"))).isTrue();
        assertThat(limits.tryAcquire(address("10.0.0.1"))).as("per address").isFalse();
        assertThat(limits.tryAcquire(address("10.0.0.2"))).isTrue();
        assertThat(limits.tryAcquire(address("10.0.0.3"))).as("global").isFalse();
        assertThat(limits.open()).isEqualTo(3);
        limits.release(address("10.0.0.1"));
        assertThat(limits.tryAcquire(address("10.0.0.3"))).isTrue();
        assertThat(limits.tryAcquire(address("10.0.0.1"))).isFalse();
    }

    @Test
    @DisplayName("refused attempts take no slot, and releasing every slot empties the table")
    void refusalsTakeNothing() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(1, 1);
        assertThat(limits.tryAcquire(address("10.0.0.1"))).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(limits.tryAcquire(address("10.0.0.2"))).isFalse();
        }
        limits.release(address("10.0.0.1"));
        assertThat(limits.open()).isZero();
        assertThat(limits.tryAcquire(address("10.0.0.2"))).isTrue();
    }

    @Test
    @DisplayName("limits are validated in the constructor")
    void validated() {
        assertThatThrownBy(() -> new ConnectionLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
