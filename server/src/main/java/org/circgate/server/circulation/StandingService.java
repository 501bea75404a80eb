package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.StandingChange;
import org.circgate.policy.UserStanding;
import org.circgate.server.circulation.StandingResult.Status;

/**
 * Setting and lifting a staff-set standing (seed 002): blocking a patron stores BARRED or a configured BARRED-type
 * custom standing, which only staff action removes; "Reinstate User" replaces a BARRED-type standing with the one the
 * patron's bills and overdues give now, which may be BLOCKED or DELINQUENT rather than OK. Every change is audited.
 */
public final class StandingService {
    private final CirculationService circulation;
    private final CirculationFacts facts;

    public StandingService(CirculationService circulation) {
        this.circulation = circulation;
        this.facts = circulation.facts();
    }

    /**
     * A block (SIP2 01).
     *
     * @param standing     the standing to store; it must be a BARRED-type standing of the institution's policy, else
     *                     BARRED is stored (fail closed: a block never ends up weaker than BARRED)
     * @param cardRetained the kiosk kept the card (recorded in the audit trail)
     * @param note         why, as the caller says it (SIP2 AL); recorded in the audit trail, may be null
     */
    public record Block(String patronBarcode, String standing, boolean cardRetained, String note) {
    }

    public StandingResult block(Connection connection, Operator operator, Block request) throws SQLException {
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, operator.institution().id(),
                request.patronBarcode());
        if (found.isEmpty()) {
            circulation.record(connection, operator, "block", request.patronBarcode(), null, "denied",
                    "UNKNOWN_PATRON", null);
            return new StandingResult(Status.UNKNOWN_PATRON, null, null, null);
        }
        PatronRecord patron = found.get();
        CirculationEngine engine = circulation.engine(connection, operator);
        UserStanding current = engine.policy().standings().find(patron.standing());
        String detail = (request.cardRetained() ? "card retained" : "card not retained")
                + (request.note() == null || request.note().isEmpty() ? "" : "; " + request.note());
        if (current != null && current.isBarredType()) {
            circulation.record(connection, operator, "block", patron.barcode(), null, "ok", "ALREADY_BARRED",
                    "kept " + patron.standing() + "; " + detail);
            return new StandingResult(Status.ALREADY_BARRED, patron, patron.standing(), patron.standing());
        }
        UserStanding wanted = request.standing() == null ? null : engine.policy().standings().find(request.standing());
        String to = wanted != null && wanted.isBarredType() ? wanted.name() : UserStanding.BARRED.name();
        if (wanted == null || !wanted.isBarredType()) {
            detail = (request.standing() == null || request.standing().equals(to) ? "" : request.standing()
                    + " is not a BARRED-type standing of the policy, stored BARRED; ") + detail;
        }
        facts.patrons().setStanding(connection, patron.id(), to);
        circulation.record(connection, operator, "block", patron.barcode(), null, "ok", null,
                patron.standing() + " -> " + to + "; " + detail);
        return new StandingResult(Status.BLOCKED, reload(connection, patron), patron.standing(), to);
    }

    /** "Reinstate User" (SIP2 25 Patron Enable): BARRED-type → the computed standing. */
    public StandingResult reinstate(Connection connection, Operator operator, String patronBarcode)
            throws SQLException {
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, operator.institution().id(),
                patronBarcode);
        if (found.isEmpty()) {
            circulation.record(connection, operator, "reinstate", patronBarcode, null, "denied", "UNKNOWN_PATRON",
                    null);
            return new StandingResult(Status.UNKNOWN_PATRON, null, null, null);
        }
        PatronRecord patron = found.get();
        CirculationEngine engine = circulation.engine(connection, operator);
        UserStanding current = engine.policy().standings().find(patron.standing());
        if (current == null || !current.isBarredType() || engine.policy().profile(patron.profile()) == null) {
            circulation.record(connection, operator, "reinstate", patron.barcode(), null, "denied", "NOT_BARRED",
                    "stored " + patron.standing());
            return new StandingResult(Status.NOT_BARRED, patron, patron.standing(), patron.standing());
        }
        PatronSnapshot snapshot = facts.snapshot(connection, patron, operator.institution().zone());
        StandingChange change = engine.standings().reinstate(snapshot.facts(), circulation.today(operator));
        String to = change.to().name();
        facts.patrons().setStanding(connection, patron.id(), to);
        circulation.record(connection, operator, "reinstate", patron.barcode(), null, "ok", null,
                patron.standing() + " -> " + to);
        return new StandingResult(Status.REINSTATED, reload(connection, patron), patron.standing(), to);
    }

    private PatronRecord reload(Connection connection, PatronRecord patron) throws SQLException {
        return facts.patrons().findById(connection, patron.id()).orElseThrow();
    }
}
