package org.circgate.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;

/**
 * A plain-socket SIP2 client for integration tests: sends exactly the bytes given (plus CR) and reads one CR-ended
 * response, so tests see the wire as a kiosk does.
 */
public final class Sip2TestClient implements AutoCloseable {
    private static final Charset CP850 = Charset.forName("IBM850");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public Sip2TestClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code message} + CR and returns the response without its CR. */
    public String exchange(String message) throws IOException {
        send(message + "\r");
        return readResponse();
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(CP850));
        out.flush();
    }

    public void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    public String readResponse() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (;;) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server after: " + line.toString(CP850));
            }
            if (b == '\r') {
                return line.toString(CP850);
            }
            if (b != '\n') {
                line.write(b);
            }
        }
    }

    /** True when the server has closed the connection (reads EOF within the timeout). */
    public boolean isClosedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            socket.setSoTimeout(30_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
