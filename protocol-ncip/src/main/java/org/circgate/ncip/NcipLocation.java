package org.circgate.ncip;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.xml.Location;
import org.circgate.ncip.xml.LocationName;
import org.circgate.ncip.xml.LocationNameInstance;

/**
 * An item Location: a type ({@code Permanent}, {@code Current}) and names by level. ReShare reads level 3 as the
 * library and level 4 as the shelving location, so {@link #of(String, String, String)} fills exactly those levels.
 *
 * @param type   LocationType value, e.g. {@code Permanent}
 * @param levels names from the broadest level to the narrowest, at least one
 */
public record NcipLocation(SchemeValue type, List<Level> levels) {

    /** One LocationNameInstance. */
    public record Level(int level, String name) {
        public Level {
            if (level <= 0) {
                throw new IllegalArgumentException("level must be positive: " + level);
            }
            Objects.requireNonNull(name, "name");
        }
    }

    public NcipLocation {
        Objects.requireNonNull(type, "type");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a location needs at least one named level");
        }
    }

    /** Library at level 3 and shelving location at level 4 (either may be null, not both). */
    public static NcipLocation of(String type, String library, String shelvingLocation) {
        List<Level> levels = new ArrayList<>(2);
        if (library != null) {
            levels.add(new Level(3, library));
        }
        if (shelvingLocation != null) {
            levels.add(new Level(4, shelvingLocation));
        }
        return new NcipLocation(SchemeValue.of(type), levels);
    }

    public Location toJaxb() {
        LocationName name = new LocationName();
        for (Level level : levels) {
            LocationNameInstance instance = new LocationNameInstance();
            instance.setLocationNameLevel(BigInteger.valueOf(level.level()));
            instance.setLocationNameValue(level.name());
            name.getLocationNameInstance().add(instance);
        }
        Location location = new Location();
        location.setLocationType(type.toJaxb());
        location.setLocationName(name);
        return location;
    }
}
