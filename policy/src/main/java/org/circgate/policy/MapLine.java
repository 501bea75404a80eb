package org.circgate.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of a User Standing Map (seed 004): which command, for which user standings, through which interfaces,
 * gets which action.
 *
 * @param command    the command controlled; {@link MapCommand#ALL} (a blank command) controls every command
 * @param standings  the user standing names controlled; empty means every standing
 * @param interfaces the interfaces controlled; containing {@link ClientInterface#ALL} means every interface
 * @param action     the action; a blank (null) action is {@link MapAction#ALLOW}
 */
public record MapLine(MapCommand command, Set<String> standings, Set<ClientInterface> interfaces, MapAction action) {

    public MapLine {
        command = command == null ? MapCommand.ALL : command;
        action = action == null ? MapAction.ALLOW : action;
        Objects.requireNonNull(standings, "standings (use an empty set for all standings)");
        Objects.requireNonNull(interfaces, "interfaces");
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : standings) {
            names.add(PolicyNames.requireName(name, "map line user standing"));
        }
        standings = Collections.unmodifiableSet(names);
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("a map line needs at least one interface (ALL for every interface)");
        }
        interfaces = Collections.unmodifiableSet(EnumSet.copyOf(interfaces));
    }

    /** Convenience: a line for one command, the listed standings (none = all) and interfaces. */
    public static MapLine of(MapCommand command, Collection<String> standings, Collection<ClientInterface> interfaces,
                             MapAction action) {
        return new MapLine(command, new LinkedHashSet<>(standings), EnumSet.copyOf(interfaces), action);
    }

    public boolean appliesToAllCommands() {
        return command == MapCommand.ALL;
    }

    public boolean appliesToAllStandings() {
        return standings.isEmpty();
    }

    public boolean appliesToAllInterfaces() {
        return interfaces.contains(ClientInterface.ALL);
    }

    /** Whether this line controls the request (command, standing, interface). */
    public boolean matches(MapCommand requestCommand, String standing, ClientInterface requestInterface) {
        return (appliesToAllCommands() || command == requestCommand)
                && (appliesToAllStandings() || standings.contains(standing))
                && (appliesToAllInterfaces() || interfaces.contains(requestInterface));
    }

    /** The line as an operator reads it, e.g. {@code RENEW | BLOCKED | WEBCAT | ALLOW}. */
    @Override
    public String toString() {
        String who = standings.isEmpty() ? "(all standings)" : String.join(",", standings);
        String where = interfaces.stream().map(Enum::name).collect(Collectors.joining(","));
        return command + " | " + who + " | " + where + " | " + action;
    }
}
