package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.circgate.policy.ClientInterface;
import org.circgate.server.account.SipAccount;
import org.circgate.server.circulation.Institution;
import org.circgate.server.circulation.Operator;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.message.Sip2Outbound;

/**
 * The state of one SIP2 connection: who logged in and as which location, and the last response (for 97). Lives in a
 * channel attribute and is touched by one request at a time ({@link OneRequestAtATime}): on the connection's worker
 * thread, or on the I/O loop and the thread that ran the request's batch for the fast paths (99; 23 and 63 on a
 * patron lookup thread; 11 and 09 on a shared-transaction thread or a worker running others' requests). The
 * hand-overs between those threads (task queues, the batcher's lock) order one request's changes before the next
 * request's reads.
 */
public final class Sip2Session {
    public static final AttributeKey<Sip2Session> ATTRIBUTE = AttributeKey.valueOf(Sip2Session.class, "session");

    private final InetSocketAddress remote;
    private volatile SipAccount account;
    // Written at login on a worker thread, read by the 99 fast path on the I/O loop.
    private volatile String location;
    private volatile Institution institution;
    private volatile Operator operator;
    private volatile Sip2Outbound lastResponse;
    /** The resend key of the last state-changing request on this connection; null before the first. */
    private volatile Long lastChangeKey;
    private ServerMetrics.CloseReason closeRequest;
    /** Patron barcode → salted digest of the PIN verified on this connection; never the PIN itself. */
    private final Map<String, byte[]> verifiedPins = new HashMap<>();
    private final byte[] pinSalt = new byte[16];

    Sip2Session(SocketAddress remote) {
        this.remote = remote instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
        new SecureRandom().nextBytes(pinSalt);
    }

    public static Sip2Session of(Channel channel) {
        Sip2Session session = channel.attr(ATTRIBUTE).get();
        if (session == null) {
            session = new Sip2Session(channel.remoteAddress());
            Sip2Session raced = channel.attr(ATTRIBUTE).setIfAbsent(session);
            if (raced != null) {
                session = raced;
            }
        }
        return session;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public boolean isLoggedIn() {
        return account != null;
    }

    public SipAccount account() {
        return account;
    }

    public String location() {
        return location;
    }

    public String institutionName() {
        return institution == null ? null : institution.name();
    }

    public Institution institution() {
        return institution;
    }

    /** Who this connection acts as (seed 000: the account, logged in as a location); null before login. */
    public Operator operator() {
        return operator;
    }

    public void loggedIn(SipAccount account, String location, Institution institution) {
        this.account = account;
        this.location = location;
        this.institution = institution;
        this.operator = new Operator(ClientInterface.SIP2, account.login(), location, institution);
        verifiedPins.clear();
    }

    public void loggedOut() {
        this.account = null;
        this.location = null;
        this.institution = null;
        this.operator = null;
        verifiedPins.clear();
    }

    /** Remembers that {@code pin} was verified for {@code patron}, so the next message skips the slow hash. */
    public void pinVerified(String patron, String pin) {
        verifiedPins.put(patron, digest(pin));
    }

    public boolean isPinVerified(String patron, String pin) {
        byte[] known = verifiedPins.get(patron);
        return known != null && pin != null && MessageDigest.isEqual(known, digest(pin));
    }

    /**
     * Notes a state-changing request and says whether it may be a kiosk's resend: the first such request on a
     * connection (the kiosk may have reconnected after a timeout) or the same bytes as the one before it (it timed
     * out on this connection). A request that may be one is not worth sharing a transaction with others: its stored
     * answer would fail their commit.
     */
    public boolean mayBeResend(long resendKey) {
        Long last = lastChangeKey;
        lastChangeKey = resendKey;
        return last == null || last == resendKey;
    }

    /** 35 End Patron Session: the patron's verified PIN is forgotten. */
    public void endPatronSession(String patron) {
        verifiedPins.remove(patron);
    }

    private byte[] digest(String pin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pinSalt);
            return sha.digest(pin.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Asks for the connection to be closed once the current answer is written. */
    public void closeAfterReply(ServerMetrics.CloseReason reason) {
        this.closeRequest = reason;
    }

    ServerMetrics.CloseReason takeCloseRequest() {
        ServerMetrics.CloseReason reason = closeRequest;
        closeRequest = null;
        return reason;
    }

    public Sip2Outbound lastResponse() {
        return lastResponse;
    }

    public void lastResponse(Sip2Outbound response) {
        this.lastResponse = response;
    }

    @Override
    public String toString() {
        return "Sip2Session[account=" + (account == null ? "-" : account.login()) + ", location=" + location + "]";
    }
}
