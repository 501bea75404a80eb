package org.circgate.policy;

import java.util.List;
import java.util.Objects;

/**
 * A User Standing Map (seed 004): ordered lines read from the bottom up; the lowest line that matches the command,
 * the user's standing and the interface decides. When no line matches, the standing's delinquency type decides
 * ({@link DelinquencyType#builtInAction()}). Either way, Allow Override on an interface that cannot take overrides is
 * Deny.
 *
 * <p>The map only governs what a standing permits. It never lifts thresholds and limits (charge limit, hold limit,
 * renewal limit, ...): {@link CirculationEngine} checks those as well.
 *
 * <p>Lines are compiled to bit masks against a {@link UserStandings} catalogue, so evaluation allocates nothing and
 * a 50-line map costs a few dozen nanoseconds.
 */
public final class UserStandingMap {

    private final String name;
    private final String description;
    private final List<MapLine> lines;
    private final UserStandings standings;

    // Compiled form, one entry per line, same order as lines.
    private final int[] commandMasks;
    private final int[] interfaceMasks;
    private final long[][] standingMasks; // null entry = every standing
    private final MapAction[] actions;

    public UserStandingMap(String name, String description, List<MapLine> lines, UserStandings standings) {
        this.name = PolicyNames.requireName(name, "user standing map name");
        this.description = PolicyNames.requireDescription(description, "user standing map description");
        this.lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        this.standings = Objects.requireNonNull(standings, "standings");
        int n = this.lines.size();
        commandMasks = new int[n];
        interfaceMasks = new int[n];
        standingMasks = new long[n][];
        actions = new MapAction[n];
        for (int i = 0; i < n; i++) {
            MapLine line = this.lines.get(i);
            commandMasks[i] = line.appliesToAllCommands() ? -1 : 1 << line.command().ordinal();
            int interfaceMask = 0;
            for (ClientInterface clientInterface : line.interfaces()) {
                interfaceMask |= clientInterface == ClientInterface.ALL ? -1 : 1 << clientInterface.ordinal();
            }
            interfaceMasks[i] = interfaceMask;
            if (!line.appliesToAllStandings()) {
                long[] mask = new long[(standings.size() + 63) >>> 6];
                for (String standing : line.standings()) {
                    int index = standings.indexOf(standing);
                    if (index < 0) {
                        throw new IllegalArgumentException("map line " + (i + 1) + " names user standing " + standing
                                + ", which is not defined");
                    }
                    mask[index >>> 6] |= 1L << index;
                }
                standingMasks[i] = mask;
            }
            actions[i] = line.action();
        }
    }

    /** A map with no lines: every decision is the standings' built-in behaviour. */
    public static UserStandingMap builtInOnly(String name, UserStandings standings) {
        return new UserStandingMap(name, "Built-in behaviour only", List.of(), standings);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The lines, top to bottom as listed (and as numbered in {@link MapOutcome#lineNumber()}). */
    public List<MapLine> lines() {
        return lines;
    }

    public UserStandings standings() {
        return standings;
    }

    /**
     * Evaluates the map for a request.
     *
     * @throws IllegalArgumentException for {@code ALL} as command or interface, or a standing the catalogue lacks
     */
    public MapOutcome evaluate(MapCommand command, UserStanding standing, ClientInterface clientInterface) {
        MapCommand.requireConcrete(command);
        ClientInterface.requireConcrete(clientInterface);
        int standingIndex = standings.indexOf(standing.name());
        if (standingIndex < 0 || !standings.get(standingIndex).equals(standing)) {
            throw new IllegalArgumentException("user standing " + standing.name() + " is not in this policy");
        }
        return outcome(decidingLine(command, standingIndex, clientInterface), standing, clientInterface);
    }

    /** Index (0-based, top to bottom) of the deciding line, or -1 when none matches. Bottom-up first match. */
    int decidingLine(MapCommand command, int standingIndex, ClientInterface clientInterface) {
        int commandBit = 1 << command.ordinal();
        int interfaceBit = 1 << clientInterface.ordinal();
        int word = standingIndex >>> 6;
        long standingBit = 1L << standingIndex;
        for (int i = actions.length - 1; i >= 0; i--) {
            if ((commandMasks[i] & commandBit) == 0 || (interfaceMasks[i] & interfaceBit) == 0) {
                continue;
            }
            long[] mask = standingMasks[i];
            if (mask == null || (word < mask.length && (mask[word] & standingBit) != 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The configured action of a line index from {@link #decidingLine}, or the built-in action for -1. */
    MapAction configuredAction(int lineIndex, UserStanding standing) {
        return lineIndex < 0 ? standing.delinquencyType().builtInAction() : actions[lineIndex];
    }

    MapOutcome outcome(int lineIndex, UserStanding standing, ClientInterface clientInterface) {
        MapAction configured = configuredAction(lineIndex, standing);
        MapLine line = lineIndex < 0 ? null : lines.get(lineIndex);
        return new MapOutcome(lineIndex + 1, line, configured, configured.effectiveOn(clientInterface));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UserStandingMap)) {
            return false;
        }
        UserStandingMap other = (UserStandingMap) o;
        return name.equals(other.name) && description.equals(other.description) && lines.equals(other.lines)
                && standings.equals(other.standings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, lines);
    }

    @Override
    public String toString() {
        return "UserStandingMap[" + name + ", " + lines.size() + " lines]";
    }
}
