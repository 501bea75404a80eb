package org.circgate.server.account;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;

/**
 * Per-account settings of a SIP account (the {@code options} object of the import format): which messages it may
 * use, where it may connect from, and how its kiosks speak (charset, delimiter, error detection).
 *
 * @param allowedMessages  request commands the account may send; others get a readable refusal
 * @param allowedNetworks  CIDR ranges it may connect from; empty = anywhere
 * @param charset          wire charset after login
 * @param fieldDelimiter   variable-field delimiter after login
 * @param errorDetection   AUTO (verify AY/AZ when present) or REQUIRED
 * @param asciiTransliteration fold outgoing text to ASCII for legacy devices
 * @param acceptOffline    whether no-block (offline) transactions are accepted
 * @param timeoutPeriod    the timeout period reported in 98, in tenths of a second (0-999; 000 = off-line)
 * @param retries          the retries allowed reported in 98 (0-999)
 * @param pinRequired      patron requests need the patron's PIN (AD): without it no personal data, no checkout
 * @param patronContactFields whether 64 carries home address, e-mail and phone (BD, BE, BF)
 * @param hideFields       personal fields never sent to this account (AE, BD, BE, BF, CY, DA)
 * @param checkinNotChargedOk whether a checkin of an item that was not checked out answers ok=1
 * @param sortBins         sort bin (CL) by item type, {@code "*"} for any other; empty = no CL
 * @param statusUpdateAllowed  19 Item Status Update may store item properties (off: 20 with ok=0, and 98 says N)
 * @param thirdPartyRenewAllowed a 29 with third party Y may renew an item charged to another patron
 * @param overpaymentAllowed   a 37 larger than the bills is accepted, the excess recorded as credit
 * @param paymentTypes     37 payment type codes accepted (00 cash, 01 VISA, 02 credit card, vendor codes)
 * @param blockStanding    the standing 01 Block Patron stores: BARRED or a BARRED-type custom standing
 */
public record SipAccountOptions(Set<Sip2Command> allowedMessages, List<String> allowedNetworks, Charset charset,
        char fieldDelimiter, ErrorDetectionMode errorDetection, boolean asciiTransliteration, boolean acceptOffline,
        int timeoutPeriod, int retries, boolean pinRequired, boolean patronContactFields, Set<String> hideFields,
        boolean checkinNotChargedOk, Map<String, String> sortBins, boolean statusUpdateAllowed,
        boolean thirdPartyRenewAllowed, boolean overpaymentAllowed, Set<String> paymentTypes, String blockStanding) {

    /** Every request message circgate answers, minus the resend request that is always allowed. */
    public static final Set<Sip2Command> ALL_REQUESTS = EnumSet.of(Sip2Command.SC_STATUS,
            Sip2Command.PATRON_STATUS_REQUEST, Sip2Command.PATRON_INFORMATION, Sip2Command.CHECKOUT,
            Sip2Command.CHECKIN, Sip2Command.BLOCK_PATRON, Sip2Command.ITEM_INFORMATION,
            Sip2Command.ITEM_STATUS_UPDATE, Sip2Command.PATRON_ENABLE, Sip2Command.HOLD, Sip2Command.RENEW,
            Sip2Command.RENEW_ALL, Sip2Command.FEE_PAID, Sip2Command.END_PATRON_SESSION);

    public static final SipAccountOptions DEFAULTS = new SipAccountOptions(ALL_REQUESTS, List.of(),
            Sip2CodecSettings.DEFAULT_CHARSET, Sip2CodecSettings.DEFAULT_FIELD_DELIMITER, ErrorDetectionMode.AUTO,
            false, false, 30, 3, true, false, Set.of(), true, Map.of(), false, false, false,
            Set.of("00", "01", "02"), "BARRED");

    /** Personal fields an account may have hidden. */
    public static final Set<String> HIDEABLE_FIELDS = Set.of("AE", "BD", "BE", "BF", "CY", "DA");

    private static final Set<String> KEYS = Set.of("allowedMessages", "allowedNetworks", "charset", "fieldDelimiter",
            "errorDetection", "asciiTransliteration", "acceptOffline", "timeoutPeriod", "retries", "pinRequired",
            "patronContactFields", "hideFields", "checkinNotChargedOk", "sortBins", "statusUpdateAllowed",
            "thirdPartyRenewAllowed", "overpaymentAllowed", "paymentTypes", "blockStanding");

    public SipAccountOptions {
        allowedMessages = allowedMessages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedMessages));
        allowedNetworks = List.copyOf(allowedNetworks);
        hideFields = Set.copyOf(hideFields);
        sortBins = Map.copyOf(sortBins);
        paymentTypes = Set.copyOf(paymentTypes);
        java.util.Objects.requireNonNull(blockStanding, "blockStanding");
    }

    /** Whether a personal field may be sent to this account. */
    public boolean shows(String fieldId) {
        return !hideFields.contains(fieldId);
    }

    /** The sort bin for an item type: its own, else the {@code "*"} bin, else none. */
    public String sortBin(String itemType) {
        String bin = sortBins.get(itemType);
        return bin != null ? bin : sortBins.get("*");
    }

    public boolean allows(Sip2Command command) {
        // Login, the 99 heartbeat and 97 are how a kiosk stays connected; no account is denied them.
        return command == Sip2Command.REQUEST_ACS_RESEND || command == Sip2Command.LOGIN
                || command == Sip2Command.SC_STATUS || allowedMessages.contains(command);
    }

    /** True when the address is inside one of the allowed networks (or no networks are configured). */
    public boolean allowsAddress(InetSocketAddress address) {
        if (allowedNetworks.isEmpty()) {
            return true;
        }
        for (String network : allowedNetworks) {
            if (subnet(network).matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the options object; problems are added to {@code errors} with {@code path} and the key. */
    public static SipAccountOptions parse(Map<String, ?> options, String path, List<String> errors) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                errors.add(path + ": field options." + key + ": unknown option (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        Set<Sip2Command> messages = DEFAULTS.allowedMessages;
        Object allowed = options.get("allowedMessages");
        if (allowed != null) {
            messages = EnumSet.noneOf(Sip2Command.class);
            for (Object code : asList(allowed, path, "allowedMessages", errors)) {
                Sip2Command command = Sip2Command.of(String.valueOf(code));
                if (!ALL_REQUESTS.contains(command)) {
                    errors.add(path + ": field options.allowedMessages: '" + code
                            + "' is not a SIP2 request code circgate answers");
                } else {
                    messages.add(command);
                }
            }
        }
        List<String> networks = new ArrayList<>();
        Object nets = options.get("allowedNetworks");
        if (nets != null) {
            for (Object network : asList(nets, path, "allowedNetworks", errors)) {
                try {
                    subnet(String.valueOf(network));
                    networks.add(String.valueOf(network));
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": field options.allowedNetworks: '" + network + "' is not a CIDR range");
                }
            }
        }
        Charset charset = DEFAULTS.charset;
        if (options.get("charset") != null) {
            try {
                charset = Charset.forName(String.valueOf(options.get("charset")));
                DEFAULTS.codec(Sip2CodecSettings.DEFAULT_MAX_FRAME_LENGTH).withCharset(charset);
            } catch (IllegalArgumentException e) {
                errors.add(path + ": field options.charset: '" + options.get("charset")
                        + "' is not a usable SIP2 charset (IBM850, ISO-8859-1, UTF-8, ...)");
                charset = DEFAULTS.charset;
            }
        }
        char delimiter = DEFAULTS.fieldDelimiter;
        if (options.get("fieldDelimiter") != null) {
            String text = String.valueOf(options.get("fieldDelimiter"));
            if (text.length() != 1) {
                errors.add(path + ": field options.fieldDelimiter: must be one character");
            } else {
                delimiter = text.charAt(0);
                try {
                    DEFAULTS.codec(Sip2CodecSettings.DEFAULT_MAX_FRAME_LENGTH).withFieldDelimiter(delimiter);
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": field options.fieldDelimiter: " + e.getMessage());
                    delimiter = DEFAULTS.fieldDelimiter;
                }
            }
        }
        ErrorDetectionMode detection = DEFAULTS.errorDetection;
        if (options.get("errorDetection") != null) {
            try {
                detection = ErrorDetectionMode.valueOf(
                        String.valueOf(options.get("errorDetection")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(path + ": field options.errorDetection: must be auto or required");
            }
        }
        return new SipAccountOptions(messages, networks, charset, delimiter, detection,
                bool(options, "asciiTransliteration", false, path, errors),
                bool(options, "acceptOffline", false, path, errors),
                number(options, "timeoutPeriod", DEFAULTS.timeoutPeriod, path, errors),
                number(options, "retries", DEFAULTS.retries, path, errors),
                bool(options, "pinRequired", true, path, errors),
                bool(options, "patronContactFields", false, path, errors),
                hidden(options.get("hideFields"), path, errors),
                bool(options, "checkinNotChargedOk", true, path, errors),
                sortBins(options.get("sortBins"), path, errors),
                bool(options, "statusUpdateAllowed", false, path, errors),
                bool(options, "thirdPartyRenewAllowed", false, path, errors),
                bool(options, "overpaymentAllowed", false, path, errors),
                paymentTypes(options.get("paymentTypes"), path, errors),
                blockStanding(options.get("blockStanding"), path, errors));
    }

    private static Set<String> paymentTypes(Object value, String path, List<String> errors) {
        if (value == null) {
            return DEFAULTS.paymentTypes;
        }
        Set<String> types = new java.util.HashSet<>();
        for (Object type : asList(value, path, "paymentTypes", errors)) {
            String code = String.valueOf(type);
            if (code.length() != 2 || code.chars().anyMatch(c -> c < 0x21 || c > 0x7E || c == '|')) {
                errors.add(path + ": field options.paymentTypes: '" + code
                        + "' is not a two-character SIP2 payment type (00 cash, 01 VISA, 02 credit card, ...)");
            } else {
                types.add(code);
            }
        }
        return types;
    }

    /** A standing name as the policy spells them (seed 001 rules: letters, digits, - _ $); the policy checks it. */
    private static String blockStanding(Object value, String path, List<String> errors) {
        if (value == null) {
            return DEFAULTS.blockStanding;
        }
        String name = String.valueOf(value);
        if (!name.matches("[A-Za-z0-9_$-]{1,20}")) {
            errors.add(path + ": field options.blockStanding: '" + name
                    + "' is not a standing name (1-20 letters, digits, - _ $)");
            return DEFAULTS.blockStanding;
        }
        return name;
    }

    private static Set<String> hidden(Object value, String path, List<String> errors) {
        if (value == null) {
            return Set.of();
        }
        Set<String> fields = new java.util.HashSet<>();
        for (Object field : asList(value, path, "hideFields", errors)) {
            if (!HIDEABLE_FIELDS.contains(String.valueOf(field))) {
                errors.add(path + ": field options.hideFields: '" + field + "' is not one of "
                        + HIDEABLE_FIELDS.stream().sorted().toList());
            } else {
                fields.add(String.valueOf(field));
            }
        }
        return fields;
    }

    private static Map<String, String> sortBins(Object value, String path, List<String> errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(path + ": field options.sortBins: must be an object of item type to sort bin");
            return Map.of();
        }
        Map<String, String> bins = new java.util.HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String bin = String.valueOf(entry.getValue());
            if (bin.isEmpty() || bin.length() > 32 || bin.indexOf('|') >= 0) {
                errors.add(path + ": field options.sortBins." + entry.getKey() + ": must be 1-32 characters without |");
            } else {
                bins.put(String.valueOf(entry.getKey()), bin);
            }
        }
        return bins;
    }

    /** The codec settings a connection switches to once this account has logged in. */
    public Sip2CodecSettings codec(int maxFrameLength) {
        return new Sip2CodecSettings(charset, fieldDelimiter, errorDetection, asciiTransliteration, maxFrameLength);
    }

    private static IpSubnetFilterRule subnet(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no prefix length");
        }
        try {
            return new IpSubnetFilterRule(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)),
                    IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
        }
    }

    private static Collection<?> asList(Object value, String path, String key, List<String> errors) {
        if (value instanceof Collection<?> list) {
            return list;
        }
        errors.add(path + ": field options." + key + ": must be a list");
        return List.of();
    }

    private static boolean bool(Map<String, ?> options, String key, boolean fallback, String path,
            List<String> errors) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        errors.add(path + ": field options." + key + ": must be true or false");
        return fallback;
    }

    private static int number(Map<String, ?> options, String key, int fallback, String path, List<String> errors) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.intValue() >= 0 && n.intValue() <= 999 && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        errors.add(path + ": field options." + key + ": must be a whole number 0-999");
        return fallback;
    }
}
