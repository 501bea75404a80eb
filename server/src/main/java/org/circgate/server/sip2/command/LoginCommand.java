package org.circgate.server.sip2.command;

import java.util.Optional;
import java.util.Set;
import org.circgate.server.account.SipAccount;
import org.circgate.server.circulation.Institution;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.LoginRequest;
import org.circgate.sip2.message.LoginResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 93 Login (seed 000): the account's password, its enabled flag, its allowed networks and the location it logs in
 * as (93 CP) must all check out; anything else is {@code 940} and the connection stays open. An unknown login costs
 * the same hash work as a wrong password, so timing does not tell which logins exist.
 */
public final class LoginCommand implements Sip2CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(LoginCommand.class);

    private final Sip2Services services;
    private final String decoyHash;

    public LoginCommand(Sip2Services services) {
        this.services = services;
        this.decoyHash = services.hasher().hash("decoy-" + System.nanoTime());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.LOGIN;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        LoginRequest request = (LoginRequest) message.request();
        record Found(Optional<SipAccount> account, Set<String> institutionLocations, Institution institution) {
        }
        Found found = services.transactions().inTransaction(connection -> {
            Optional<SipAccount> account = services.accounts().findByLogin(connection, request.loginUserId());
            if (account.isEmpty()) {
                return new Found(account, Set.of(), null);
            }
            long institution = account.get().institutionId();
            return new Found(account, services.accounts().institutionLocations(connection, institution),
                    services.institutions().byId(connection, institution));
        });
        if (found.account().isEmpty()) {
            services.hasher().matches(request.loginPassword(), decoyHash);
            return refuse(session, request, ServerMetrics.AuthFailure.UNKNOWN, "unknown login");
        }
        SipAccount account = found.account().get();
        if (!services.hasher().matches(request.loginPassword(), account.passwordHash())) {
            return refuse(session, request, ServerMetrics.AuthFailure.BAD_CREDENTIALS, "wrong password");
        }
        if (!account.enabled()) {
            return refuse(session, request, ServerMetrics.AuthFailure.LOCKED, "account disabled");
        }
        if (!account.options().allowsAddress(session.remote())) {
            // Not a kiosk of this account's network: answer, then hang up rather than let it keep guessing.
            session.closeAfterReply(ServerMetrics.CloseReason.ADDRESS_DENIED);
            return refuse(session, request, ServerMetrics.AuthFailure.ADDRESS_DENIED, "source address not allowed");
        }
        String location = account.loginLocation(request.locationCode(), found.institutionLocations());
        if (location == null) {
            return refuse(session, request, ServerMetrics.AuthFailure.BAD_CREDENTIALS,
                    "location '" + request.locationCode() + "' not permitted");
        }
        session.loggedIn(account, location, found.institution());
        log.info("SIP2 login {} as location {} from {}", account.login(), location, session.remote().getAddress());
        return Answer.ok(LoginResponse.OK);
    }

    private Answer refuse(Sip2Session session, LoginRequest request, ServerMetrics.AuthFailure reason, String why) {
        services.metrics().authFailure(ServerMetrics.AuthKind.TERMINAL_LOGIN, reason);
        log.warn("SIP2 login refused for '{}' from {}: {}", request.loginUserId(), session.remote().getAddress(), why);
        session.loggedOut();
        return Answer.denied(LoginResponse.FAILED);
    }
}
