package org.circgate.policy;

import java.time.LocalDate;

/**
 * Collects the findings of one decision by severity and turns them into a {@link Decision}. One instance per
 * decision, never shared.
 */
final class Verdict {

    private final MapCommand command;
    private long denials;
    private long overrides;
    private long warnings;
    private UserStanding standing;
    private int mapLineIndex = -1;
    private MapLine mapLine;
    private MapAction mapConfigured;
    private MapAction mapEffective;
    private LocalDate dueDate;

    Verdict(MapCommand command) {
        this.command = command;
    }

    void deny(Reason reason) {
        denials |= reason.bit();
    }

    void denyAll(long reasonBits) {
        denials |= reasonBits;
    }

    void needOverride(Reason reason) {
        overrides |= reason.bit();
    }

    void needOverrideAll(long reasonBits) {
        overrides |= reasonBits;
    }

    void warn(Reason reason) {
        warnings |= reason.bit();
    }

    void warnAll(long reasonBits) {
        warnings |= reasonBits;
    }

    void standing(UserStanding effective) {
        standing = effective;
    }

    void map(int lineIndex, MapLine line, MapAction configured, MapAction effective) {
        mapLineIndex = lineIndex;
        mapLine = line;
        mapConfigured = configured;
        mapEffective = effective;
    }

    void dueDate(LocalDate date) {
        dueDate = date;
    }

    boolean isDenied() {
        return denials != 0;
    }

    /**
     * Settles the outcome: any denial denies; override findings deny (with OVERRIDE_NOT_AVAILABLE) on interfaces
     * that cannot take overrides, pass as warnings when an operator supplied one, and otherwise require one.
     */
    Decision decide(RequestContext context) {
        long deny = denials;
        long override = overrides;
        long warn = warnings;
        if (override != 0 && !context.clientInterface().canTakeOverride()) {
            deny |= override | Reason.OVERRIDE_NOT_AVAILABLE.bit();
            override = 0;
        }
        Outcome outcome;
        long deciding;
        if (deny != 0) {
            outcome = Outcome.DENIED;
            deciding = deny;
        } else if (override != 0 && !context.overrideSupplied()) {
            outcome = Outcome.OVERRIDE_REQUIRED;
            deciding = override;
        } else {
            if (override != 0) {
                warn |= override | Reason.OVERRIDE_APPLIED.bit();
            }
            outcome = warn == 0 ? Outcome.ALLOWED : Outcome.ALLOWED_WITH_WARNING;
            deciding = warn;
        }
        return new Decision(command, outcome, deny | override | warn, deciding, standing, mapLineIndex + 1,
                mapLine, mapConfigured, mapEffective, outcome == Outcome.DENIED ? null : dueDate);
    }
}
