package org.circgate.policy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to one circulation request: the outcome, the machine-readable reasons, the patron's standing at
 * decision time, the User Standing Map line that decided (or the built-in default), and for checkouts and renewals
 * the due date.
 *
 * <p>Reasons are held as a bit set, so a decision is one small object.
 */
public final class Decision {

    private static final Reason[] REASONS = Reason.values();

    private final MapCommand command;
    private final Outcome outcome;
    private final long reasonBits;
    private final long decidingBits;
    private final UserStanding standing;
    private final int mapLineNumber;
    private final MapLine mapLine;
    private final MapAction mapConfigured;
    private final MapAction mapEffective;
    private final LocalDate dueDate;

    Decision(MapCommand command, Outcome outcome, long reasonBits, long decidingBits, UserStanding standing,
             int mapLineNumber, MapLine mapLine, MapAction mapConfigured, MapAction mapEffective, LocalDate dueDate) {
        this.command = command;
        this.outcome = outcome;
        this.reasonBits = reasonBits;
        this.decidingBits = decidingBits;
        this.standing = standing;
        this.mapLineNumber = mapLineNumber;
        this.mapLine = mapLine;
        this.mapConfigured = mapConfigured;
        this.mapEffective = mapEffective;
        this.dueDate = dueDate;
    }

    public MapCommand command() {
        return command;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** ALLOWED or ALLOWED_WITH_WARNING. */
    public boolean isAllowed() {
        return outcome.isAllowed();
    }

    /** Every reason, including warnings on a denial (e.g. DELINQUENT next to CHARGE_LIMIT). */
    public Set<Reason> reasons() {
        EnumSet<Reason> set = EnumSet.noneOf(Reason.class);
        for (Reason reason : REASONS) {
            if ((reasonBits & reason.bit()) != 0) {
                set.add(reason);
            }
        }
        return set;
    }

    public boolean has(Reason reason) {
        return (reasonBits & reason.bit()) != 0;
    }

    /**
     * The most important reason of the group that decided: the first denial reason of a DENIED decision, the first
     * override reason of OVERRIDE_REQUIRED, the first warning of ALLOWED_WITH_WARNING; null for a plain ALLOWED.
     */
    public Reason primaryReason() {
        if (decidingBits == 0) {
            return null;
        }
        return REASONS[Long.numberOfTrailingZeros(decidingBits)];
    }

    /** The patron's effective standing at decision time, or null when the profile or standing was unknown. */
    public UserStanding standing() {
        return standing;
    }

    /** The map's verdict, or empty when the decision stopped before the map (unknown profile or standing). */
    public Optional<MapOutcome> mapOutcome() {
        return mapConfigured == null ? Optional.empty()
                : Optional.of(new MapOutcome(mapLineNumber, mapLine, mapConfigured, mapEffective));
    }

    /** The map action after the interface rule (ALLOW, ALLOW_OVERRIDE or DENY), or null before the map. */
    public MapAction mapAction() {
        return mapEffective;
    }

    /** The deciding map line number (1 = top line), or 0 for the built-in default. */
    public int mapLineNumber() {
        return mapLineNumber;
    }

    /** "line 3: RENEW | BLOCKED | WEBCAT | ALLOW", "default", or "not evaluated". */
    public String decidedBy() {
        if (mapConfigured == null) {
            return "not evaluated";
        }
        return mapLine == null ? "default" : "line " + mapLineNumber + ": " + mapLine;
    }

    /** The due date of an allowed (or override-required) checkout or renewal. */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(dueDate);
    }

    /** The reasons' texts joined for a screen message, deciding group first. */
    public String message() {
        StringBuilder text = new StringBuilder();
        appendTexts(text, decidingBits);
        appendTexts(text, reasonBits & ~decidingBits);
        return text.toString();
    }

    private static void appendTexts(StringBuilder text, long bits) {
        for (Reason reason : REASONS) {
            if ((bits & reason.bit()) != 0) {
                if (text.length() > 0) {
                    text.append(". ");
                }
                text.append(reason.text());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Decision)) {
            return false;
        }
        Decision d = (Decision) o;
        return command == d.command && outcome == d.outcome && reasonBits == d.reasonBits
                && decidingBits == d.decidingBits && Objects.equals(standing, d.standing)
                && mapLineNumber == d.mapLineNumber && Objects.equals(mapLine, d.mapLine)
                && mapConfigured == d.mapConfigured && mapEffective == d.mapEffective
                && Objects.equals(dueDate, d.dueDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, outcome, reasonBits, standing, mapLineNumber, dueDate);
    }

    @Override
    public String toString() {
        return "Decision[" + command + " " + outcome + " reasons=" + reasons()
                + " standing=" + (standing == null ? "?" : standing.name()) + " map=" + decidedBy()
                + (dueDate == null ? "" : " due=" + dueDate) + "]";
    }
}
