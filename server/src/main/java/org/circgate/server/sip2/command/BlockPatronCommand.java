package org.circgate.server.sip2.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.StandingResult;
import org.circgate.server.circulation.StandingService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.BlockPatronRequest;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 01 Block Patron → 24. Unlike servers that only flip an in-memory flag, the block is stored: the patron gets the
 * account's block standing (BARRED unless a BARRED-type custom standing is configured), which only staff (or 25
 * Patron Enable) lift (seed 002). Card retained and the blocked card message AL go to the audit trail. The 24 shows
 * the status after the block; the name is not sent (01 carries no PIN).
 */
public final class BlockPatronCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final StandingService standings;

    public BlockPatronCommand(Sip2Services services) {
        this.services = services;
        this.standings = new StandingService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.BLOCK_PATRON;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        BlockPatronRequest request = (BlockPatronRequest) message.request();
        StandingService.Block block = new StandingService.Block(request.patronIdentifier(),
                session.account().options().blockStanding(), request.cardRetained(), request.blockedCardMessage());
        return Sip2Resends.inTransaction(services, session, message, connection -> {
            StandingResult result = standings.block(connection, session.operator(), block);
            if (result.status() == StandingResult.Status.UNKNOWN_PATRON) {
                return Answer.denied(unknown(session, request.patronIdentifier(), "Patron not found"));
            }
            Optional<PatronView> view = services.circulation().patronView(connection, session.operator(),
                    request.patronIdentifier());
            List<String> messages = new ArrayList<>();
            messages.add(result.status() == StandingResult.Status.ALREADY_BARRED ? "Patron was already blocked"
                    : "Patron blocked");
            if (request.cardRetained()) {
                messages.add("Card retained");
            }
            return Answer.ok(status(session, request.patronIdentifier(), view.orElseThrow(), messages));
        });
    }

    private PatronStatusResponse status(Sip2Session session, String patron, PatronView view, List<String> messages) {
        long owed = PatronRendering.owed(view);
        return PatronStatusResponse.builder()
                .patronStatus(PatronRendering.status(view))
                .language(PatronRendering.language(view))
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution().code())
                .patronIdentifier(patron)
                .personalName("")
                .validPatron(true)
                .validPatronPassword(false)
                .currencyType(PatronRendering.currency(view))
                .feeAmount(owed > 0 ? PatronRendering.amount(owed) : null)
                .screenMessages(messages)
                .build();
    }

    private Sip2Response unknown(Sip2Session session, String patron, String screenMessage) {
        return PatronStatusResponse.builder()
                .patronStatus(PatronStatus.UNKNOWN_PATRON)
                .language(Language.UNKNOWN)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(patron)
                .personalName("")
                .validPatron(false)
                .validPatronPassword(false)
                .screenMessages(screenMessage)
                .build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return unknown(session, ((BlockPatronRequest) message.request()).patronIdentifier(), screenMessage);
    }
}
