package org.circgate.bench.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.circgate.policy.AutoReplace;
import org.circgate.policy.CirculationPolicy;
import org.circgate.policy.ClientInterface;
import org.circgate.policy.DefaultPolicy;
import org.circgate.policy.DelinquencyType;
import org.circgate.policy.HoldFacts;
import org.circgate.policy.ItemFacts;
import org.circgate.policy.LoanFacts;
import org.circgate.policy.MapAction;
import org.circgate.policy.MapCommand;
import org.circgate.policy.MapLine;
import org.circgate.policy.PatronFacts;
import org.circgate.policy.UserStanding;
import org.circgate.policy.UserStandingMap;
import org.circgate.policy.UserStandings;

/** Realistic inputs for the policy benchmarks. */
final class PolicyFixtures {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 14);
    static final int MAP_LINES = 50;

    private PolicyFixtures() {
    }

    /** Ten custom standings, as a library with a rich standing policy might have. */
    static UserStandings standings() {
        List<UserStanding> custom = new ArrayList<>();
        DelinquencyType[] types = DelinquencyType.values();
        AutoReplace[] replaces = AutoReplace.values();
        for (int i = 0; i < 10; i++) {
            custom.add(UserStanding.custom("CUSTOM" + i, "Custom standing " + i, types[i % types.length],
                    replaces[i % replaces.length]));
        }
        return UserStandings.withCustom(custom);
    }

    /**
     * A 50-line map. Line 2 (near the top, so the bottom-up scan passes 48 lines first) matches a DELINQUENT
     * patron's checkout on SIP2; the other lines control other commands, standings or interfaces.
     */
    static UserStandingMap fiftyLineMap(UserStandings standings) {
        List<MapLine> lines = new ArrayList<>();
        lines.add(new MapLine(MapCommand.ALL, Set.of(), EnumSet.of(ClientInterface.ALL), MapAction.ALLOW));
        lines.add(new MapLine(MapCommand.CHECKOUT_ITEM, new LinkedHashSet<>(List.of("DELINQUENT", "CUSTOM1")),
                EnumSet.of(ClientInterface.SIP2, ClientInterface.NCIP), MapAction.ALLOW));
        MapCommand[] commands = {MapCommand.RENEW, MapCommand.PLACE_HOLD, MapCommand.BLANKET_HOLD,
            MapCommand.PAY_BILLS, MapCommand.REMOVE_HOLD, MapCommand.SUSPEND_HOLDS};
        ClientInterface[] interfaces = {ClientInterface.WEBCAT, ClientInterface.WORKFLOWS, ClientInterface.STAFF_WEB,
            ClientInterface.WEB_SERVICES, ClientInterface.POCKET_CIRC};
        MapAction[] actions = MapAction.values();
        for (int i = 0; lines.size() < MAP_LINES; i++) {
            boolean checkoutLine = i % 4 == 0;
            MapCommand command = checkoutLine ? MapCommand.CHECKOUT_ITEM : commands[i % commands.length];
            // Checkout lines name the request's interface but other standings; the rest name other commands.
            Set<String> who = new LinkedHashSet<>(List.of(checkoutLine ? "CUSTOM" + (2 + i % 8) : "BLOCKED",
                    "CUSTOM" + (i % 10)));
            who.remove("CUSTOM1");
            EnumSet<ClientInterface> where = checkoutLine ? EnumSet.of(ClientInterface.SIP2)
                    : EnumSet.of(interfaces[i % interfaces.length], ClientInterface.SIP2);
            lines.add(new MapLine(command, who, where, actions[i % actions.length]));
        }
        return new UserStandingMap("BENCH", "Fifty-line benchmark map", lines, standings);
    }

    /** The default policy's profiles and rules, with the given map and standings. */
    static CirculationPolicy policyWith(UserStandings standings, UserStandingMap map) {
        CirculationPolicy base = DefaultPolicy.create();
        return new CirculationPolicy("BENCH", base.profiles(), standings, map, base.rules(), base.libraries(),
                base.defaultLibrary(), base.statusLimits(), base.pins());
    }

    /** A PUBLIC patron with five loans (one overdue, so fines accrue) and $1.00 of bills: DELINQUENT. */
    static PatronFacts delinquentPatron() {
        List<LoanFacts> loans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loans.add(new LoanFacts("L" + i, "BOOK", "T" + i, null, false, TODAY.plusDays(3 + i), false, 0));
        }
        loans.add(new LoanFacts("L4", "BOOK", "T4", null, false, TODAY.minusDays(2), false, 1));
        return new PatronFacts("21234000123456", "PUBLIC", "OK", TODAY.plusYears(2), 12, 100, 0, loans, 2, 0, 0, 0,
                false);
    }

    /** An available book of another title with two holds, the first by this patron. */
    static ItemFacts heldItem(PatronFacts patron) {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        return new ItemFacts("31234000999999", "BOOK", "T99", null, false, true, null, null,
                List.of(new HoldFacts("21234000777777", 150, t.plusSeconds(600), false),
                        new HoldFacts(patron.patronId(), 150, t, false)));
    }
}
