package org.circgate.server.ncip.agency;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circgate.ncip.NcipService;

/**
 * Per-agency settings of an NCIP partner (the {@code options} object of an agency in the import format).
 *
 * @param reveals           what LookupUser may tell this partner beyond identity, privileges and blocks
 * @param services          the services the partner may call; others get Unauthorized Service For Agency
 * @param checkinNotOnLoanOk whether CheckInItem of an item that is not on loan answers success (ReShare and ILLiad
 *                          retry check-ins and treat "Item Not Checked Out" as success anyway)
 * @param acceptItem        how AcceptItem creates the temporary item
 */
public record NcipAgencyOptions(Set<Reveal> reveals, Set<NcipService> services, boolean checkinNotOnLoanOk,
        AcceptItemSettings acceptItem) {

    /** Optional parts of a LookupUserResponse, each only when the agency may see it and the initiator asks. */
    public enum Reveal {
        NAME("name"), EMAIL("email"), PHONE("phone"), ADDRESS("address"), LOANED_ITEMS("loanedItems"),
        REQUESTED_ITEMS("requestedItems"), FISCAL_ACCOUNT("fiscalAccount");

        private final String key;

        Reveal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Reveal of(String key) {
            for (Reveal reveal : values()) {
                if (reveal.key.equals(key)) {
                    return reveal;
                }
            }
            return null;
        }
    }

    /**
     * AcceptItem: the temporary item's barcode is {@code barcodePrefix} + the ItemId (or, without one, the
     * RequestId); it gets {@code itemType} for the circulation rules, lives at {@code location} (null = the agency's
     * location) and waits {@code holdShelfDays} on the hold shelf for its patron.
     */
    public record AcceptItemSettings(String barcodePrefix, String itemType, String location, int holdShelfDays) {
        public static final AcceptItemSettings DEFAULTS = new AcceptItemSettings("", "ILL", null, 7);
    }

    public static final Set<Reveal> DEFAULT_REVEALS = Set.of(Reveal.NAME);

    public static final NcipAgencyOptions DEFAULTS = new NcipAgencyOptions(DEFAULT_REVEALS,
            EnumSet.allOf(NcipService.class), false, AcceptItemSettings.DEFAULTS);

    private static final Set<String> KEYS = Set.of("lookupUserReveals", "services", "checkinNotOnLoanOk",
            "acceptItem");
    private static final Set<String> ACCEPT_ITEM_KEYS = Set.of("barcodePrefix", "itemType", "location",
            "holdShelfDays");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7E&&[^|]]{0,16}");

    public NcipAgencyOptions {
        reveals = reveals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reveals));
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
    }

    public boolean reveals(Reveal reveal) {
        return reveals.contains(reveal);
    }

    public boolean allows(NcipService service) {
        return services.contains(service);
    }

    /** Reads the options object; problems are added to {@code errors} with {@code path} and the key. */
    public static NcipAgencyOptions parse(Map<String, ?> options, String path, List<String> errors) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                errors.add(path + ": field options." + key + ": unknown option (known: "
                        + KEYS.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        Set<Reveal> reveals = DEFAULT_REVEALS;
        if (options.get("lookupUserReveals") != null) {
            reveals = EnumSet.noneOf(Reveal.class);
            for (Object value : asList(options.get("lookupUserReveals"), path, "lookupUserReveals", errors)) {
                Reveal reveal = Reveal.of(String.valueOf(value));
                if (reveal == null) {
                    errors.add(path + ": field options.lookupUserReveals: '" + value + "' is not one of "
                            + java.util.Arrays.stream(Reveal.values()).map(Reveal::key).toList());
                } else {
                    reveals.add(reveal);
                }
            }
        }
        Set<NcipService> services = DEFAULTS.services;
        if (options.get("services") != null) {
            services = EnumSet.noneOf(NcipService.class);
            for (Object value : asList(options.get("services"), path, "services", errors)) {
                NcipService service = NcipService.forElementName(String.valueOf(value)).orElse(null);
                if (service == null) {
                    errors.add(path + ": field options.services: '" + value + "' is not an NCIP service circgate "
                            + "answers (" + java.util.Arrays.stream(NcipService.values())
                                    .map(NcipService::elementName).collect(Collectors.joining(", ")) + ")");
                } else {
                    services.add(service);
                }
            }
        }
        boolean notOnLoanOk = false;
        Object flag = options.get("checkinNotOnLoanOk");
        if (flag instanceof Boolean b) {
            notOnLoanOk = b;
        } else if (flag != null) {
            errors.add(path + ": field options.checkinNotOnLoanOk: must be true or false");
        }
        return new NcipAgencyOptions(reveals, services, notOnLoanOk,
                acceptItem(options.get("acceptItem"), path, errors));
    }

    private static AcceptItemSettings acceptItem(Object value, String path, List<String> errors) {
        if (value == null) {
            return AcceptItemSettings.DEFAULTS;
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(path + ": field options.acceptItem: must be an object");
            return AcceptItemSettings.DEFAULTS;
        }
        for (Object key : map.keySet()) {
            if (!ACCEPT_ITEM_KEYS.contains(String.valueOf(key))) {
                errors.add(path + ": field options.acceptItem." + key + ": unknown option (known: "
                        + ACCEPT_ITEM_KEYS.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        AcceptItemSettings defaults = AcceptItemSettings.DEFAULTS;
        String prefix = text(map.get("barcodePrefix"), defaults.barcodePrefix(), PREFIX, path,
                "acceptItem.barcodePrefix", "at most 16 printable characters without |", errors);
        String itemType = text(map.get("itemType"), defaults.itemType(), CODE, path, "acceptItem.itemType",
                "an item type code ([A-Za-z0-9_.-], at most 32)", errors);
        String location = text(map.get("location"), null, CODE, path, "acceptItem.location",
                "a location code", errors);
        int days = defaults.holdShelfDays();
        Object daysValue = map.get("holdShelfDays");
        if (daysValue instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 1
                && n.intValue() <= 365) {
            days = n.intValue();
        } else if (daysValue != null) {
            errors.add(path + ": field options.acceptItem.holdShelfDays: must be a whole number 1-365");
        }
        return new AcceptItemSettings(prefix, itemType, location, days);
    }

    private static String text(Object value, String fallback, Pattern pattern, String path, String key,
            String expected, List<String> errors) {
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value);
        if (!(value instanceof String) || !pattern.matcher(text).matches()) {
            errors.add(path + ": field options." + key + ": must be " + expected);
            return fallback;
        }
        return text;
    }

    private static Collection<?> asList(Object value, String path, String key, List<String> errors) {
        if (value instanceof Collection<?> list) {
            return list;
        }
        errors.add(path + ": field options." + key + ": must be a list");
        return List.of();
    }
}
