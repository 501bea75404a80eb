package org.circgate.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A User Profile policy with every attribute of the User Profile Wizard (seeds 001 and 003), validated to the ranges
 * the wizard's gadgets allow. Build one with {@link #builder(String)}; unset attributes take the named defaults.
 *
 * <p>Enforced by circgate: billable, protected, location-based, privilege limit, charge limit, charges allowed,
 * hold limit, hold rank, the three thresholds, library precedence, recirculate item, prevent two copies of a title
 * (with its override). Stored, validated and shown but not acted on, because circgate runs no such subsystem:
 * location, privilege fee and online privilege renewal (billing and registration are the ILS's), suspension
 * (needs the billing structure), track dates (K12), increment item charge counter (statistics), the Materials Booking,
 * Login Attributes and Reserves tabs, routing rank, request limit and the last-activity-date rule.
 *
 * @param name                          ≤ 10 letters, digits, {@code - _ $}
 * @param description                   ≤ 60 characters, no {@code |}
 * @param location                      Location policy name, or null
 * @param billable                      users may be billed automatically (overdue fines accrue only when set)
 * @param protectedProfile              users of this profile cannot be deleted
 * @param locationBased                 users represent locations and bypass checkout limits (seed 003)
 * @param privilegeLimit                when a new or extended privilege expires
 * @param privilegeFeeCents             fee billed on registration or extension, 0–$10,000.00
 * @param onlinePrivilegeRenewal        privilege may be renewed online
 * @param chargeLimit                   items out at once; reaching it needs an override
 * @param chargesAllowed                charges per privilege period
 * @param holdLimit                     holds at once (checked when placing, not when satisfying)
 * @param holdRank                      100–199; a lower number is further ahead in the hold queue
 * @param overdueThreshold              0–32,000 overdue items that block; 0 = unlimited
 * @param billThresholdCents            $0–$10,000.00 owed (bills + accruing fines) that blocks; 0 = unlimited
 * @param overdueRecallThreshold        0–32,000 overdue recalled items that block; 0 = unlimited
 * @param maxSuspension                 maximum suspension (needs billable; capped by the billing structure)
 * @param trackDates                    school tracks (K12), sorted and not overlapping
 * @param libraryPrecedence             the library's fixed due date takes precedence over the normal due date
 * @param incrementItemChargeCounter    charges count in the item's statistics
 * @param recirculateItem               items charged to these users may be charged to another without discharge
 * @param preventTwoCopiesOfTitle       refuse a second copy of a title already charged (seed 003)
 * @param allowTwoCopiesOverride        staff may override {@code preventTwoCopiesOfTitle} (seed 003)
 * @param bookingLimit                  items booked at once (Materials Booking)
 * @param deliveryShipping              Shipping Schedule policy name, or null
 * @param returnShipping                Shipping Schedule policy name, or null
 * @param consecutiveBookingAllowed     may book consecutive fixed time slots
 * @param userAccess                    User Access policy name, or null
 * @param environment                   Environment policy name, or null
 * @param reserveChargeLimit            academic-reserve items out at once
 * @param reservationLimit              outstanding reservations (0–25,000 or UNLIMITED; both spell 25,000 here)
 * @param eligibleForReservation        may make advance reservations
 * @param consecutiveReservationAllowed may make back-to-back reservations
 * @param routingRank                   1–999; a lower number is placed higher on a routing list
 * @param requestLimit                  unanswered requests at once
 * @param lastActivityDateRule          Last Activity Date Rule policy name, or null (seed 003)
 */
public record UserProfile(
        String name, String description, String location,
        boolean billable, boolean protectedProfile, boolean locationBased,
        PrivilegeLimit privilegeLimit, long privilegeFeeCents, boolean onlinePrivilegeRenewal,
        Limit chargeLimit, Limit chargesAllowed, Limit holdLimit, int holdRank,
        int overdueThreshold, long billThresholdCents, int overdueRecallThreshold,
        Suspension maxSuspension, List<DateRange> trackDates,
        boolean libraryPrecedence, boolean incrementItemChargeCounter, boolean recirculateItem,
        boolean preventTwoCopiesOfTitle, boolean allowTwoCopiesOverride,
        Limit bookingLimit, String deliveryShipping, String returnShipping, boolean consecutiveBookingAllowed,
        String userAccess, String environment,
        Limit reserveChargeLimit, Limit reservationLimit, boolean eligibleForReservation,
        boolean consecutiveReservationAllowed,
        int routingRank, Limit requestLimit, String lastActivityDateRule) {

    /** Profiles protected by default (seed 001); their users cannot be deleted. */
    public static final Set<String> DEFAULT_PROTECTED_PROFILES =
            Set.of("SIRSI", "ADMIN", "MISSING", "LOST", "DISCARD", "RESERVES", "INTRANSIT", "LIBRARYUSE");

    public static final int MIN_HOLD_RANK = 100;
    public static final int MAX_HOLD_RANK = 199;
    public static final int MAX_THRESHOLD = 32_000;
    public static final int MIN_ROUTING_RANK = 1;
    public static final int MAX_ROUTING_RANK = 999;
    /** Largest privilege fee circgate accepts; the seed names no bound, so it shares the bill threshold's. */
    public static final long MAX_PRIVILEGE_FEE_CENTS = Money.MAX_BILL_THRESHOLD_CENTS;

    public static final int DEFAULT_HOLD_RANK = 150;
    public static final int DEFAULT_ROUTING_RANK = 500;

    public UserProfile {
        PolicyNames.requireName(name, "user profile name");
        String what = "user profile " + name;
        PolicyNames.requireDescription(description, what + " description");
        PolicyNames.requireOptionalName(location, what + " location");
        Objects.requireNonNull(privilegeLimit, what + " privilegeLimit");
        Money.requireCents(privilegeFeeCents, MAX_PRIVILEGE_FEE_CENTS, what + " privilegeFee");
        for (Limit limit : new Limit[] {chargeLimit, chargesAllowed, holdLimit, bookingLimit, reserveChargeLimit,
                reservationLimit, requestLimit}) {
            Objects.requireNonNull(limit, what + " limits");
        }
        requireRange(holdRank, MIN_HOLD_RANK, MAX_HOLD_RANK, what + " holdRank");
        requireRange(overdueThreshold, 0, MAX_THRESHOLD, what + " overdueThreshold");
        Money.requireCents(billThresholdCents, Money.MAX_BILL_THRESHOLD_CENTS, what + " billThreshold");
        requireRange(overdueRecallThreshold, 0, MAX_THRESHOLD, what + " overdueRecallThreshold");
        Objects.requireNonNull(maxSuspension, what + " maxSuspension");
        trackDates = sortedDisjoint(trackDates, what);
        PolicyNames.requireOptionalName(deliveryShipping, what + " deliveryShipping");
        PolicyNames.requireOptionalName(returnShipping, what + " returnShipping");
        PolicyNames.requireOptionalName(userAccess, what + " userAccess");
        PolicyNames.requireOptionalName(environment, what + " environment");
        requireRange(routingRank, MIN_ROUTING_RANK, MAX_ROUTING_RANK, what + " routingRank");
        PolicyNames.requireOptionalName(lastActivityDateRule, what + " lastActivityDateRule");
    }

    /** A builder with the defaults; {@code protected} defaults to true for the seed's default protected names. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether users of this profile may be deleted (seed 001: not when the profile is protected). */
    public boolean usersMayBeDeleted() {
        return !protectedProfile;
    }

    /**
     * The most items a user may have out before checkout needs an override: the charge limit, where UNLIMITED is
     * 25,000 (seed 001).
     */
    public int effectiveChargeLimit() {
        return chargeLimit.value();
    }

    /**
     * The suspension that applies to an overdue of an item type whose billing structure caps suspension at
     * {@code billingStructureMax} (seed 001): none unless the profile is billable, otherwise the smaller of the
     * two when they use the same unit. Units differ only by configuration error; then the profile's maximum
     * stands.
     */
    public Suspension maximumSuspension(Suspension billingStructureMax) {
        if (!billable || maxSuspension.isNone()) {
            return Suspension.NONE;
        }
        if (billingStructureMax != null && billingStructureMax.unit() == maxSuspension.unit()
                && billingStructureMax.amount() < maxSuspension.amount()) {
            return billingStructureMax;
        }
        return maxSuspension;
    }

    private static void requireRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + "-" + max);
        }
    }

    private static List<DateRange> sortedDisjoint(List<DateRange> ranges, String what) {
        List<DateRange> sorted = new ArrayList<>(Objects.requireNonNull(ranges, what + " trackDates"));
        sorted.sort(Comparator.comparing(DateRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).start().isAfter(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException(what + " track dates " + sorted.get(i - 1) + " and "
                        + sorted.get(i) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String name;
        private String description = "";
        private String location;
        private boolean billable = true;
        private boolean protectedProfile;
        private boolean locationBased;
        private PrivilegeLimit privilegeLimit = PrivilegeLimit.NEVER;
        private long privilegeFeeCents;
        private boolean onlinePrivilegeRenewal;
        private Limit chargeLimit = Limit.UNLIMITED;
        private Limit chargesAllowed = Limit.UNLIMITED;
        private Limit holdLimit = Limit.UNLIMITED;
        private int holdRank = DEFAULT_HOLD_RANK;
        private int overdueThreshold;
        private long billThresholdCents;
        private int overdueRecallThreshold;
        private Suspension maxSuspension = Suspension.NONE;
        private List<DateRange> trackDates = List.of();
        private boolean libraryPrecedence;
        private boolean incrementItemChargeCounter = true;
        private boolean recirculateItem;
        private boolean preventTwoCopiesOfTitle;
        private boolean allowTwoCopiesOverride;
        private Limit bookingLimit = Limit.UNLIMITED;
        private String deliveryShipping;
        private String returnShipping;
        private boolean consecutiveBookingAllowed;
        private String userAccess;
        private String environment;
        private Limit reserveChargeLimit = Limit.UNLIMITED;
        private Limit reservationLimit = Limit.UNLIMITED;
        private boolean eligibleForReservation;
        private boolean consecutiveReservationAllowed;
        private int routingRank = DEFAULT_ROUTING_RANK;
        private Limit requestLimit = Limit.UNLIMITED;
        private String lastActivityDateRule;

        private Builder(String name) {
            this.name = name;
            this.protectedProfile = DEFAULT_PROTECTED_PROFILES.contains(name);
        }

        private Builder(UserProfile p) {
            name = p.name;
            description = p.description;
            location = p.location;
            billable = p.billable;
            protectedProfile = p.protectedProfile;
            locationBased = p.locationBased;
            privilegeLimit = p.privilegeLimit;
            privilegeFeeCents = p.privilegeFeeCents;
            onlinePrivilegeRenewal = p.onlinePrivilegeRenewal;
            chargeLimit = p.chargeLimit;
            chargesAllowed = p.chargesAllowed;
            holdLimit = p.holdLimit;
            holdRank = p.holdRank;
            overdueThreshold = p.overdueThreshold;
            billThresholdCents = p.billThresholdCents;
            overdueRecallThreshold = p.overdueRecallThreshold;
            maxSuspension = p.maxSuspension;
            trackDates = p.trackDates;
            libraryPrecedence = p.libraryPrecedence;
            incrementItemChargeCounter = p.incrementItemChargeCounter;
            recirculateItem = p.recirculateItem;
            preventTwoCopiesOfTitle = p.preventTwoCopiesOfTitle;
            allowTwoCopiesOverride = p.allowTwoCopiesOverride;
            bookingLimit = p.bookingLimit;
            deliveryShipping = p.deliveryShipping;
            returnShipping = p.returnShipping;
            consecutiveBookingAllowed = p.consecutiveBookingAllowed;
            userAccess = p.userAccess;
            environment = p.environment;
            reserveChargeLimit = p.reserveChargeLimit;
            reservationLimit = p.reservationLimit;
            eligibleForReservation = p.eligibleForReservation;
            consecutiveReservationAllowed = p.consecutiveReservationAllowed;
            routingRank = p.routingRank;
            requestLimit = p.requestLimit;
            lastActivityDateRule = p.lastActivityDateRule;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder billable(boolean v) { billable = v; return this; }
        public Builder protectedProfile(boolean v) { protectedProfile = v; return this; }
        public Builder locationBased(boolean v) { locationBased = v; return this; }
        public Builder privilegeLimit(PrivilegeLimit v) { privilegeLimit = v; return this; }
        public Builder privilegeFeeCents(long v) { privilegeFeeCents = v; return this; }
        public Builder onlinePrivilegeRenewal(boolean v) { onlinePrivilegeRenewal = v; return this; }
        public Builder chargeLimit(Limit v) { chargeLimit = v; return this; }
        public Builder chargesAllowed(Limit v) { chargesAllowed = v; return this; }
        public Builder holdLimit(Limit v) { holdLimit = v; return this; }
        public Builder holdRank(int v) { holdRank = v; return this; }
        public Builder overdueThreshold(int v) { overdueThreshold = v; return this; }
        public Builder billThresholdCents(long v) { billThresholdCents = v; return this; }
        public Builder overdueRecallThreshold(int v) { overdueRecallThreshold = v; return this; }
        public Builder maxSuspension(Suspension v) { maxSuspension = v; return this; }
        public Builder trackDates(List<DateRange> v) { trackDates = v; return this; }
        public Builder libraryPrecedence(boolean v) { libraryPrecedence = v; return this; }
        public Builder incrementItemChargeCounter(boolean v) { incrementItemChargeCounter = v; return this; }
        public Builder recirculateItem(boolean v) { recirculateItem = v; return this; }
        public Builder preventTwoCopiesOfTitle(boolean v) { preventTwoCopiesOfTitle = v; return this; }
        public Builder allowTwoCopiesOverride(boolean v) { allowTwoCopiesOverride = v; return this; }
        public Builder bookingLimit(Limit v) { bookingLimit = v; return this; }
        public Builder deliveryShipping(String v) { deliveryShipping = v; return this; }
        public Builder returnShipping(String v) { returnShipping = v; return this; }
        public Builder consecutiveBookingAllowed(boolean v) { consecutiveBookingAllowed = v; return this; }
        public Builder userAccess(String v) { userAccess = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder reserveChargeLimit(Limit v) { reserveChargeLimit = v; return this; }
        public Builder reservationLimit(Limit v) { reservationLimit = v; return this; }
        public Builder eligibleForReservation(boolean v) { eligibleForReservation = v; return this; }
        public Builder consecutiveReservationAllowed(boolean v) { consecutiveReservationAllowed = v; return this; }
        public Builder routingRank(int v) { routingRank = v; return this; }
        public Builder requestLimit(Limit v) { requestLimit = v; return this; }
        public Builder lastActivityDateRule(String v) { lastActivityDateRule = v; return this; }

        /** @throws IllegalArgumentException naming the attribute that is out of range */
        public UserProfile build() {
            return new UserProfile(name, description, location, billable, protectedProfile, locationBased,
                    privilegeLimit, privilegeFeeCents, onlinePrivilegeRenewal, chargeLimit, chargesAllowed, holdLimit,
                    holdRank, overdueThreshold, billThresholdCents, overdueRecallThreshold, maxSuspension, trackDates,
                    libraryPrecedence, incrementItemChargeCounter, recirculateItem, preventTwoCopiesOfTitle,
                    allowTwoCopiesOverride, bookingLimit, deliveryShipping, returnShipping, consecutiveBookingAllowed,
                    userAccess, environment, reserveChargeLimit, reservationLimit, eligibleForReservation,
                    consecutiveReservationAllowed, routingRank, requestLimit, lastActivityDateRule);
        }
    }
}
