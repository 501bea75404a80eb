package org.circgate.server.testing;

import java.io.IOException;

/**
 * A kiosk with error detection on: every request gets the next sequence number (AY0..AY9, wrapping) and its checksum,
 * as real kiosks send them, so two equal requests in a row are two transactions and not an exact resend. Responses
 * are returned without their AY/AZ trailer.
 */
public final class NumberedKiosk implements AutoCloseable {
    private final Sip2TestClient client;
    private int sequence;

    public NumberedKiosk(Sip2TestClient client) {
        this.client = client;
    }

    public String exchange(String message) throws IOException {
        String response = client.exchange(Sip2Lines.withErrorDetection(message, sequence));
        sequence = (sequence + 1) % 10;
        int trailer = response.length() - 9;
        return trailer >= 0 && response.startsWith("AY", trailer) ? response.substring(0, trailer) : response;
    }

    public Sip2TestClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
