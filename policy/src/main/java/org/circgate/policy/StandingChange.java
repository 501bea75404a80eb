package org.circgate.policy;

/**
 * The result of a standing recompute or reinstatement: what was stored and what to store now.
 *
 * @param from the stored standing before
 * @param to   the standing to store
 */
public record StandingChange(UserStanding from, UserStanding to) {

    public boolean changed() {
        return !from.equals(to);
    }
}
