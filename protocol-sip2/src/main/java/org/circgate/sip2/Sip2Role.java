package org.circgate.sip2;

/** Which end of a SIP2 connection a codec serves. */
public enum Sip2Role {
    /** The ACS (our server): decodes requests, encodes responses. */
    SERVER,
    /** The SC (kiosk, load generator, tests): encodes requests, decodes responses. */
    CLIENT;

    /** Whether this role receives messages of {@code command}. */
    public boolean receives(Sip2Command command) {
        return this == SERVER ? command.isRequest() : command.isResponse();
    }

    /** Whether this role sends messages of {@code command}. */
    public boolean sends(Sip2Command command) {
        return this == SERVER ? command.isResponse() : command.isRequest();
    }
}
