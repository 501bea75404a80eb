package org.circgate.policy.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.circgate.policy.DateRange;
import org.circgate.policy.Limit;
import org.circgate.policy.Money;
import org.circgate.policy.PeriodUnit;
import org.circgate.policy.PrivilegeLimit;
import org.circgate.policy.Suspension;
import org.circgate.policy.UserProfile;

/** Reads {@code profiles[i]}: every User Profile attribute, with the defaults of {@link UserProfile#builder}. */
final class ProfileSection {

    private ProfileSection() {
    }

    static UserProfile read(ObjectNode node) {
        int before = node.problems().count();
        String name = node.requiredName("name");
        UserProfile.Builder b = UserProfile.builder(name);
        UserProfile d = defaults(name);
        b.description(node.description("description"))
                .location(node.optionalName("location"))
                .billable(node.bool("billable", d.billable()))
                .protectedProfile(node.bool("protected", d.protectedProfile()))
                .locationBased(node.bool("locationBased", d.locationBased()))
                .privilegeLimit(privilegeLimit(node))
                .privilegeFeeCents(node.money("privilegeFee", UserProfile.MAX_PRIVILEGE_FEE_CENTS, 0))
                .onlinePrivilegeRenewal(node.bool("onlinePrivilegeRenewal", d.onlinePrivilegeRenewal()))
                .chargeLimit(node.limit("chargeLimit", d.chargeLimit()))
                .chargesAllowed(node.limit("chargesAllowed", d.chargesAllowed()))
                .holdLimit(node.limit("holdLimit", d.holdLimit()))
                .holdRank(node.integer("holdRank", UserProfile.MIN_HOLD_RANK, UserProfile.MAX_HOLD_RANK,
                        d.holdRank()))
                .overdueThreshold(node.integer("overdueThreshold", 0, UserProfile.MAX_THRESHOLD, 0))
                .billThresholdCents(node.money("billThreshold", Money.MAX_BILL_THRESHOLD_CENTS, 0))
                .overdueRecallThreshold(node.integer("overdueRecallThreshold", 0, UserProfile.MAX_THRESHOLD, 0))
                .maxSuspension(suspension(node))
                .trackDates(trackDates(node))
                .libraryPrecedence(node.bool("libraryPrecedence", d.libraryPrecedence()))
                .incrementItemChargeCounter(node.bool("incrementItemChargeCounter", d.incrementItemChargeCounter()))
                .recirculateItem(node.bool("recirculateItem", d.recirculateItem()))
                .preventTwoCopiesOfTitle(node.bool("preventTwoCopiesOfTitle", d.preventTwoCopiesOfTitle()))
                .allowTwoCopiesOverride(node.bool("allowTwoCopiesOverride", d.allowTwoCopiesOverride()))
                .bookingLimit(node.limit("bookingLimit", d.bookingLimit()))
                .deliveryShipping(node.optionalName("deliveryShipping"))
                .returnShipping(node.optionalName("returnShipping"))
                .consecutiveBookingAllowed(node.bool("consecutiveBookingAllowed", d.consecutiveBookingAllowed()))
                .userAccess(node.optionalName("userAccess"))
                .environment(node.optionalName("environment"))
                .reserveChargeLimit(node.limit("reserveChargeLimit", d.reserveChargeLimit()))
                .reservationLimit(node.limit("reservationLimit", d.reservationLimit()))
                .eligibleForReservation(node.bool("eligibleForReservation", d.eligibleForReservation()))
                .consecutiveReservationAllowed(node.bool("consecutiveReservationAllowed",
                        d.consecutiveReservationAllowed()))
                .routingRank(node.integer("routingRank", UserProfile.MIN_ROUTING_RANK, UserProfile.MAX_ROUTING_RANK,
                        d.routingRank()))
                .requestLimit(node.limit("requestLimit", d.requestLimit()))
                .lastActivityDateRule(node.optionalName("lastActivityDateRule"));
        return Sections.build(node, before, b::build);
    }

    /** The builder's defaults for this name (a placeholder name when the real one is invalid). */
    private static UserProfile defaults(String name) {
        try {
            return UserProfile.builder(name).build();
        } catch (IllegalArgumentException | NullPointerException e) {
            return UserProfile.builder("X").build();
        }
    }

    /** {@code "NEVER"}, {@code {"amount": 3, "unit": "YEARS"}} or {@code {"date": "2025-08-27"}}. */
    private static PrivilegeLimit privilegeLimit(ObjectNode node) {
        Object raw = node.raw("privilegeLimit");
        String at = node.pathOf("privilegeLimit");
        if (raw == null || (raw instanceof String && "NEVER".equalsIgnoreCase(((String) raw).trim()))) {
            return PrivilegeLimit.NEVER;
        }
        ObjectNode limit = ObjectNode.of(raw, at, node.problems());
        if (limit == null) {
            return PrivilegeLimit.NEVER;
        }
        int before = node.problems().count();
        if (limit.has("date")) {
            LocalDate date = limit.requiredDate("date");
            PrivilegeLimit result = Sections.build(limit, before, () -> PrivilegeLimit.until(date));
            return result == null ? PrivilegeLimit.NEVER : result;
        }
        int amount = limit.requiredInteger("amount", 1, PrivilegeLimit.MAX_AMOUNT);
        PeriodUnit unit = limit.requiredEnum("unit", PeriodUnit.class);
        PrivilegeLimit result = Sections.build(limit, before, () -> PrivilegeLimit.duration(amount, unit));
        return result == null ? PrivilegeLimit.NEVER : result;
    }

    private static Suspension suspension(ObjectNode node) {
        ObjectNode s = node.object("maxSuspension");
        if (s == null) {
            return Suspension.NONE;
        }
        int before = node.problems().count();
        int amount = s.integer("amount", 0, Suspension.MAX_AMOUNT, 0);
        PeriodUnit unit = s.enumValue("unit", PeriodUnit.class, PeriodUnit.DAYS);
        Suspension result = Sections.build(s, before, () -> new Suspension(amount, unit));
        return result == null ? Suspension.NONE : result;
    }

    private static List<DateRange> trackDates(ObjectNode node) {
        List<DateRange> ranges = new ArrayList<>();
        for (ObjectNode range : node.objects("trackDates")) {
            int before = node.problems().count();
            LocalDate start = range.requiredDate("start");
            LocalDate end = range.requiredDate("end");
            DateRange built = Sections.build(range, before, () -> new DateRange(start, end));
            if (built != null) {
                ranges.add(built);
            }
        }
        return ranges;
    }
}
