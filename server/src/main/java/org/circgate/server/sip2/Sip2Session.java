package org.circgate.server.sip2;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.circgate.server.account.SipAccount;
import org.circgate.sip2.message.Sip2Outbound;

/**
 * The state of one SIP2 connection: who logged in and as which location, and the last response (for 97). Lives in a
 * channel attribute and is only touched from the connection's worker thread, which runs its messages one at a time.
 */
public final class Sip2Session {
    public static final AttributeKey<Sip2Session> ATTRIBUTE = AttributeKey.valueOf(Sip2Session.class, "session");

    private final InetSocketAddress remote;
    private SipAccount account;
    private String location;
    private String institutionName;
    private Sip2Outbound lastResponse;

    Sip2Session(SocketAddress remote) {
        this.remote = remote instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
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
        return institutionName;
    }

    public void loggedIn(SipAccount account, String location, String institutionName) {
        this.account = account;
        this.location = location;
        this.institutionName = institutionName;
    }

    public void loggedOut() {
        this.account = null;
        this.location = null;
        this.institutionName = null;
    }

    public Sip2Outbound lastResponse() {
        return lastResponse;
    }

    void lastResponse(Sip2Outbound response) {
        this.lastResponse = response;
    }

    @Override
    public String toString() {
        return "Sip2Session[account=" + (account == null ? "-" : account.login()) + ", location=" + location + "]";
    }
}
