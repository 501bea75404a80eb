package org.circgate.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalogue of User Standings a policy knows: the four built-in ones (always present, at indexes 0–3 in
 * {@link DelinquencyType} order) followed by the library's custom ones.
 *
 * <p>Each standing has a dense index so that map lines can hold their standing lists as bit sets.
 */
public final class UserStandings {

    private final List<UserStanding> all;
    private final Map<String, Integer> indexByName;

    private UserStandings(List<UserStanding> all) {
        this.all = Collections.unmodifiableList(all);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (index.putIfAbsent(all.get(i).name(), i) != null) {
                throw new IllegalArgumentException("user standing " + all.get(i).name() + " is defined twice");
            }
        }
        this.indexByName = index;
    }

    /** The built-in standings only. */
    public static UserStandings builtInOnly() {
        return withCustom(List.of());
    }

    /** Built-in standings plus {@code custom} (none of which may use a built-in name). */
    public static UserStandings withCustom(List<UserStanding> custom) {
        List<UserStanding> all = new ArrayList<>(UserStanding.BUILT_IN);
        for (UserStanding standing : custom) {
            Objects.requireNonNull(standing, "custom standing");
            if (standing.isBuiltIn()) {
                throw new IllegalArgumentException(standing.name() + " is a built-in user standing");
            }
            all.add(standing);
        }
        return new UserStandings(all);
    }

    /** Every standing, built-in first. */
    public List<UserStanding> all() {
        return all;
    }

    /** The library's custom standings, in definition order. */
    public List<UserStanding> custom() {
        return all.subList(UserStanding.BUILT_IN.size(), all.size());
    }

    public int size() {
        return all.size();
    }

    /** The standing's index, or -1 when the catalogue does not know the name. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    public boolean contains(String name) {
        return indexByName.containsKey(name);
    }

    public UserStanding get(int index) {
        return all.get(index);
    }

    /** The standing with this name, or null. */
    public UserStanding find(String name) {
        int index = indexOf(name);
        return index < 0 ? null : all.get(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserStandings && ((UserStandings) o).all.equals(all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return "UserStandings" + all;
    }
}
