package org.circgate.server.sip2;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps on open SIP2 connections, shared by the plain and the TLS listener: at most {@code maxConnections} in all and
 * at most {@code maxPerAddress} from one source address (a runaway kiosk script or a scanner cannot take every slot).
 * Thread-safe; a slot is taken when a connection becomes active and given back when it closes.
 */
final class ConnectionLimits {
    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionLimits(int maxConnections, int maxPerAddress) {
        if (maxConnections < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be positive, got " + maxConnections + " and "
                    + maxPerAddress);
        }
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes a slot for a connection from {@code address}; false (nothing taken) when a cap is reached. */
    boolean tryAcquire(InetAddress address) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return false;
        }
        boolean[] admitted = new boolean[1];
        perAddress.compute(address, (key, count) -> {
            AtomicInteger value = count == null ? new AtomicInteger() : count;
            admitted[0] = value.get() < maxPerAddress;
            if (admitted[0]) {
                value.incrementAndGet();
            }
            return value.get() == 0 ? null : value;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
        }
        return admitted[0];
    }

    /** Gives back the slot of a connection admitted by {@link #tryAcquire}. */
    void release(InetAddress address) {
        perAddress.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}
