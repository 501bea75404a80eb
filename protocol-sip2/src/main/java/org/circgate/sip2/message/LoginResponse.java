package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Field;

/** 94 Login Response. Fixed: ok (1, {@code 1}/{@code 0}). No fields in the spec. */
public record LoginResponse(boolean ok, List<Sip2Field> extensions) implements Sip2Response {

    public static final LoginResponse OK = new LoginResponse(true, List.of());
    public static final LoginResponse FAILED = new LoginResponse(false, List.of());

    public LoginResponse {
        extensions = Messages.extensions(extensions);
    }

    public static LoginResponse of(boolean ok) {
        return ok ? OK : FAILED;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.LOGIN_RESPONSE;
    }

    static LoginResponse read(WireReader r) {
        boolean ok = r.okFlag("ok");
        while (r.next()) {
            r.keep();
        }
        List<Sip2Field> extensions = r.extensions();
        return extensions.isEmpty() ? of(ok) : new LoginResponse(ok, extensions);
    }

    void write(WireWriter w) {
        w.okFlag(ok);
        w.extensions(extensions);
    }
}
