package org.circgate.server.sip2.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.circgate.server.account.SipAccount;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.SupportedMessages;
import org.circgate.sip2.message.AcsStatusResponse;
import org.circgate.sip2.message.DecodedMessage;

/**
 * 99 SC Status → 98 ACS Status. Answered before login too (kiosks send it first to see whether the ACS is up), then
 * with an empty institution and the messages circgate implements. After login, BX is what this account may use and
 * circgate implements, and the flags follow from it.
 */
public final class ScStatusCommand implements Sip2CommandHandler {
    public static final String PROTOCOL_VERSION = "2.00";

    private final Sip2Services services;
    private final Set<Sip2Command> implemented;

    /** {@code implemented}: the request commands this server answers (drives BX). */
    public ScStatusCommand(Sip2Services services, Set<Sip2Command> implemented) {
        this.services = services;
        this.implemented = Set.copyOf(implemented);
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.SC_STATUS;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public Answer handle(DecodedMessage request, Sip2Session session) {
        SipAccount account = session.account();
        SipAccountOptions options = account == null ? SipAccountOptions.DEFAULTS : account.options();
        Set<Sip2Command> usable = EnumSet.noneOf(Sip2Command.class);
        for (Sip2Command command : implemented) {
            // 19 also needs the account's status-update permission; without it 98 says N and BX leaves it out.
            if (options.allows(command)
                    && (command != Sip2Command.ITEM_STATUS_UPDATE || options.statusUpdateAllowed())) {
                usable.add(command);
            }
        }
        usable.add(Sip2Command.LOGIN);
        usable.add(Sip2Command.REQUEST_ACS_RESEND);
        AcsStatusResponse response = AcsStatusResponse.builder()
                .onlineStatus(true)
                .checkinOk(usable.contains(Sip2Command.CHECKIN))
                .checkoutOk(usable.contains(Sip2Command.CHECKOUT))
                .acsRenewalPolicy(usable.contains(Sip2Command.RENEW))
                .statusUpdateOk(usable.contains(Sip2Command.ITEM_STATUS_UPDATE))
                .offlineOk(options.acceptOffline())
                .timeoutPeriod(options.timeoutPeriod())
                .retriesAllowed(options.retries())
                .dateTimeSync(Sip2DateTime.utc(services.clock().instant()))
                .protocolVersion(PROTOCOL_VERSION)
                .institutionId(account == null ? "" : account.institutionCode())
                .libraryName(session.institutionName())
                .supportedMessages(SupportedMessages.of(usable))
                .terminalLocation(session.location())
                .screenMessages(List.of())
                .build();
        return Answer.ok(response);
    }
}
