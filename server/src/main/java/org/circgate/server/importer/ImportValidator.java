package org.circgate.server.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.ncip.agency.ApiKeys;
import org.circgate.server.ncip.agency.NcipAgencyOptions;
import org.circgate.server.ncip.agency.Networks;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.domain.ItemStatus;

/**
 * Checks a whole import file before anything is written, and reports every problem with the path of the record
 * ({@code institutions[0].patrons[3] (barcode 21000003)}) and the field. Cross-references (an item's title, a loan's
 * patron) must resolve inside the same institution of the same file.
 */
final class ImportValidator {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern BARCODE = Pattern.compile("[\\x21-\\x7E&&[^|]]{1,64}");
    /** NCIP agency ids as partners send them: printable ASCII, spaces allowed ("Dummy NCIP Responder"). */
    private static final Pattern AGENCY_ID = Pattern.compile("[\\x20-\\x7E&&[^|]]{1,64}");
    private static final Pattern LOGIN = Pattern.compile("[\\x21-\\x7E&&[^|]]{1,64}");
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("0(0[0-9]|10)");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LANGUAGE = Pattern.compile("[0-9]{3}");
    private static final Set<String> SECURITY_MARKERS = Set.of("00", "01", "02", "03");
    private static final Set<String> HOLD_TYPES = Set.of("1", "2", "3", "4");

    /** What already exists in the database, so a file may refer to records imported earlier. */
    interface Existing {
        Existing NONE = new Existing() {
            @Override
            public boolean exists(String institution, Kind kind, String key) {
                return false;
            }

            @Override
            public String titleOfItem(String institution, String item) {
                return null;
            }
        };

        boolean exists(String institution, Kind kind, String key);

        String titleOfItem(String institution, String item);
    }

    /** The kinds of record a file may refer to. */
    enum Kind {
        LOCATION, PATRON, TITLE, ITEM
    }

    private final List<String> errors = new ArrayList<>();
    private final Set<String> logins = new HashSet<>();
    private final Set<String> apiKeyHashes = new HashSet<>();
    private final Existing existing;
    private String institutionCode;

    private ImportValidator(Existing existing) {
        this.existing = existing;
    }

    static List<String> validate(ImportDocument document) {
        return validate(document, Existing.NONE);
    }

    static List<String> validate(ImportDocument document, Existing existing) {
        ImportValidator validator = new ImportValidator(existing);
        validator.document(document);
        return validator.errors;
    }

    private void document(ImportDocument document) {
        if (document.institutions().isEmpty()) {
            errors.add("institutions: the file contains no institution");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < document.institutions().size(); i++) {
            ImportDocument.Institution institution = document.institutions().get(i);
            String path = "institutions[" + i + "]" + key("code", institution == null ? null : institution.code());
            if (institution == null) {
                errors.add(path + ": must be an object");
                continue;
            }
            if (require(path, "code", institution.code(), CODE) && !codes.add(institution.code())) {
                errors.add(path + ": code " + institution.code() + " appears twice");
            }
            requireText(path, "name", institution.name(), 255);
            if (institution.timeZone() != null) {
                try {
                    ZoneId.of(institution.timeZone());
                } catch (DateTimeException e) {
                    errors.add(path + ": field timeZone: not a time zone id: " + institution.timeZone());
                }
            }
            institutionCode = institution.code();
            institution("institutions[" + i + "]", institution);
        }
    }

    private void institution(String base, ImportDocument.Institution institution) {
        Set<String> locations = unique(base, "locations", institution.locations(), ImportDocument.Location::code);
        for (int i = 0; i < institution.locations().size(); i++) {
            ImportDocument.Location location = institution.locations().get(i);
            String path = base + ".locations[" + i + "]" + key("code", location.code());
            require(path, "code", location.code(), CODE);
            requireText(path, "name", location.name(), 255);
        }
        if (institution.policy() != null && !institution.policy().isObject()) {
            errors.add(base + ": field policy: must be an object (the policy document)");
        }
        unique(base, "sipAccounts", institution.sipAccounts(), ImportDocument.SipAccount::login);
        for (ImportDocument.SipAccount account : institution.sipAccounts()) {
            if (account != null && account.login() != null && !logins.add(account.login())) {
                errors.add(base + ".sipAccounts: login " + account.login()
                        + " is used by another institution of this file (logins are unique across institutions)");
            }
        }
        for (int i = 0; i < institution.sipAccounts().size(); i++) {
            ImportDocument.SipAccount account = institution.sipAccounts().get(i);
            String path = base + ".sipAccounts[" + i + "]" + key("login", account.login());
            require(path, "login", account.login(), LOGIN);
            secret(path, "password", account.password(), account.passwordHash());
            for (String location : account.locations()) {
                reference(path, "locations", location, locations, Kind.LOCATION);
            }
            if (account.fixedLocation() != null) {
                reference(path, "fixedLocation", account.fixedLocation(), locations, Kind.LOCATION);
            }
            SipAccountOptions.parse(account.options(), path, errors);
        }
        ncipAgencies(base, institution.ncipAgencies(), locations);
        Set<String> patrons = unique(base, "patrons", institution.patrons(), ImportDocument.Patron::barcode);
        for (int i = 0; i < institution.patrons().size(); i++) {
            ImportDocument.Patron patron = institution.patrons().get(i);
            String path = base + ".patrons[" + i + "]" + key("barcode", patron.barcode());
            require(path, "barcode", patron.barcode(), BARCODE);
            requireText(path, "name", patron.name(), 255);
            requireText(path, "profile", patron.profile(), 10);
            if (patron.standing() != null && (patron.standing().isBlank() || patron.standing().length() > 20)) {
                errors.add(path + ": field standing: must be a standing name of at most 20 characters");
            }
            if (patron.pin() != null && patron.pinHash() != null) {
                errors.add(path + ": field pin: give pin or pinHash, not both");
            }
            if (patron.pin() != null) {
                // Seed 002: a PIN made only of asterisks is refused (asterisks are how a PIN is displayed).
                if (patron.pin().isEmpty() || patron.pin().chars().allMatch(c -> c == '*')) {
                    errors.add(path + ": field pin: must not be empty or only asterisks");
                } else if (patron.pin().length() > 64) {
                    errors.add(path + ": field pin: longer than 64 characters");
                }
            }
            if (patron.pinHash() != null && !patron.pinHash().startsWith("$argon2")) {
                errors.add(path + ": field pinHash: must be an Argon2 hash ($argon2id$...)");
            }
            if (patron.language() != null && !LANGUAGE.matcher(patron.language()).matches()) {
                errors.add(path + ": field language: must be a 3-digit SIP2 language code");
            }
            if (patron.homeLocation() != null) {
                reference(path, "homeLocation", patron.homeLocation(), locations, Kind.LOCATION);
            }
            if (patron.claimsReturned() != null && patron.claimsReturned() < 0) {
                errors.add(path + ": field claimsReturned: must not be negative");
            }
            optionalText(path, "email", patron.email(), 255);
            optionalText(path, "phone", patron.phone(), 64);
            optionalText(path, "address", patron.address(), 512);
        }
        Set<String> titles = unique(base, "titles", institution.titles(), ImportDocument.Title::key);
        for (int i = 0; i < institution.titles().size(); i++) {
            ImportDocument.Title title = institution.titles().get(i);
            String path = base + ".titles[" + i + "]" + key("key", title.key());
            require(path, "key", title.key(), BARCODE);
            requireText(path, "title", title.title(), 255);
        }
        Map<String, String> itemTitles = new HashMap<>();
        Set<String> items = unique(base, "items", institution.items(), ImportDocument.Item::barcode);
        for (int i = 0; i < institution.items().size(); i++) {
            ImportDocument.Item item = institution.items().get(i);
            String path = base + ".items[" + i + "]" + key("barcode", item.barcode());
            require(path, "barcode", item.barcode(), BARCODE);
            reference(path, "title", item.title(), titles, Kind.TITLE);
            itemTitles.put(item.barcode(), item.title());
            require(path, "itemType", item.itemType(), CODE);
            reference(path, "location", item.location(), locations, Kind.LOCATION);
            if (item.currentLocation() != null) {
                reference(path, "currentLocation", item.currentLocation(), locations, Kind.LOCATION);
            }
            if (item.mediaType() != null && !MEDIA_TYPE.matcher(item.mediaType()).matches()) {
                errors.add(path + ": field mediaType: must be a SIP2 media type 000-010");
            }
            if (item.status() != null) {
                enumValue(path, "status", item.status(), ItemStatus.class);
            }
            if (item.securityMarker() != null && !SECURITY_MARKERS.contains(item.securityMarker())) {
                errors.add(path + ": field securityMarker: must be 00, 01, 02 or 03");
            }
            if (item.price() != null) {
                money(path, "price", item.price(), true);
            }
            if (item.loanFee() != null) {
                money(path, "loanFee", item.loanFee(), true);
            }
            optionalText(path, "properties", item.properties(), 255);
        }
        Set<String> loanedItems = new HashSet<>();
        for (int i = 0; i < institution.loans().size(); i++) {
            ImportDocument.Loan loan = institution.loans().get(i);
            String path = base + ".loans[" + i + "]" + key("item", loan.item());
            if (reference(path, "item", loan.item(), items, Kind.ITEM) && !loanedItems.add(loan.item())) {
                errors.add(path + ": field item: the item has two loans in this file");
            }
            reference(path, "patron", loan.patron(), patrons, Kind.PATRON);
            if (loan.location() != null) {
                reference(path, "location", loan.location(), locations, Kind.LOCATION);
            }
            if (loan.checkedOut() == null) {
                errors.add(path + ": field checkedOut: required");
            }
            if (loan.due() == null) {
                errors.add(path + ": field due: required");
            } else if (loan.checkedOut() != null && loan.due().isBefore(loan.checkedOut())) {
                errors.add(path + ": field due: before checkedOut");
            }
            if (loan.renewals() != null && loan.renewals() < 0) {
                errors.add(path + ": field renewals: must not be negative");
            }
        }
        unique(base, "holds", institution.holds(), ImportDocument.Hold::id);
        for (int i = 0; i < institution.holds().size(); i++) {
            ImportDocument.Hold hold = institution.holds().get(i);
            String path = base + ".holds[" + i + "]" + key("id", hold.id());
            require(path, "id", hold.id(), BARCODE);
            reference(path, "patron", hold.patron(), patrons, Kind.PATRON);
            reference(path, "title", hold.title(), titles, Kind.TITLE);
            if (hold.item() != null && reference(path, "item", hold.item(), items, Kind.ITEM)
                    && hold.title() != null && !hold.title().equals(itemTitles.containsKey(hold.item())
                            ? itemTitles.get(hold.item()) : existing.titleOfItem(institutionCode, hold.item()))) {
                errors.add(path + ": field item: is a copy of another title than " + hold.title());
            }
            reference(path, "pickupLocation", hold.pickupLocation(), locations, Kind.LOCATION);
            if (hold.holdType() != null && !HOLD_TYPES.contains(hold.holdType())) {
                errors.add(path + ": field holdType: must be a SIP2 hold type 1-4");
            }
            if (hold.status() != null) {
                enumValue(path, "status", hold.status(), HoldStatus.class);
            }
            if (hold.placed() == null) {
                errors.add(path + ": field placed: required");
            }
        }
        unique(base, "bills", institution.bills(), ImportDocument.Bill::id);
        for (int i = 0; i < institution.bills().size(); i++) {
            ImportDocument.Bill bill = institution.bills().get(i);
            String path = base + ".bills[" + i + "]" + key("id", bill.id());
            require(path, "id", bill.id(), BARCODE);
            reference(path, "patron", bill.patron(), patrons, Kind.PATRON);
            if (bill.item() != null) {
                reference(path, "item", bill.item(), items, Kind.ITEM);
            }
            if (bill.feeType() != null && !TWO_DIGITS.matcher(bill.feeType()).matches()) {
                errors.add(path + ": field feeType: must be a two-digit SIP2 fee type");
            }
            requireText(path, "reason", bill.reason(), 255);
            if (bill.amount() == null) {
                errors.add(path + ": field amount: required");
            } else if (money(path, "amount", bill.amount(), false) && bill.paid() != null
                    && money(path, "paid", bill.paid(), true) && bill.paid().compareTo(bill.amount()) > 0) {
                errors.add(path + ": field paid: more than amount");
            }
            if (bill.currency() != null && !CURRENCY.matcher(bill.currency()).matches()) {
                errors.add(path + ": field currency: must be a 3-letter ISO 4217 code");
            }
            if (bill.billed() == null) {
                errors.add(path + ": field billed: required");
            }
        }
    }

    private void ncipAgencies(String base, List<ImportDocument.NcipAgency> agencies, Set<String> locations) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            ImportDocument.NcipAgency agency = agencies.get(i);
            if (agency == null) {
                errors.add(base + ".ncipAgencies[" + i + "]: must be an object");
                continue;
            }
            String path = base + ".ncipAgencies[" + i + "]" + key("agencyId", agency.agencyId());
            if (require(path, "agencyId", agency.agencyId(), AGENCY_ID)) {
                if (!agency.agencyId().equals(agency.agencyId().strip()) || agency.agencyId().isBlank()) {
                    errors.add(path + ": field agencyId: must not be blank or start or end with a space");
                } else if (!ids.add(agency.agencyId().toLowerCase(Locale.ROOT))) {
                    errors.add(path + ": agencyId " + agency.agencyId() + " appears twice (agency ids ignore case)");
                }
            }
            if ((agency.apiKey() == null) == (agency.apiKeyHash() == null)) {
                errors.add(path + ": field apiKey: give either apiKey or apiKeyHash");
            } else if (agency.apiKey() != null && !ApiKeys.isWellFormed(agency.apiKey())) {
                errors.add(path + ": field apiKey: must be " + ApiKeys.form());
            } else if (agency.apiKeyHash() != null && !ApiKeys.isHash(agency.apiKeyHash())) {
                errors.add(path + ": field apiKeyHash: must be sha256: followed by 64 lower-case hex digits");
            } else {
                String hash = agency.apiKey() != null ? ApiKeys.hash(agency.apiKey()) : agency.apiKeyHash();
                if (!apiKeyHashes.add(hash)) {
                    errors.add(path + ": field apiKey: the same key is given to another agency of this file");
                }
            }
            reference(path, "location", agency.location(), locations, Kind.LOCATION);
            if (agency.auditName() != null && (agency.auditName().isBlank() || agency.auditName().length() > 64)) {
                errors.add(path + ": field auditName: must be 1-64 characters");
            }
            for (String network : agency.allowedNetworks()) {
                try {
                    Networks.parse(network);
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": field allowedNetworks: '" + network + "' is not a CIDR range");
                }
            }
            NcipAgencyOptions options = NcipAgencyOptions.parse(agency.options(), path, errors);
            if (options.acceptItem().location() != null) {
                reference(path, "options.acceptItem.location", options.acceptItem().location(), locations,
                        Kind.LOCATION);
            }
        }
    }

    private static String key(String field, String value) {
        return value == null ? "" : " (" + field + " " + value + ")";
    }

    private boolean require(String path, String field, String value, Pattern pattern) {
        if (value == null || value.isEmpty()) {
            errors.add(path + ": field " + field + ": required");
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(path + ": field " + field + ": invalid value '" + value + "' (allowed: " + pattern + ")");
            return false;
        }
        return true;
    }

    private void requireText(String path, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(path + ": field " + field + ": required");
        } else {
            optionalText(path, field, value, max);
        }
    }

    private void optionalText(String path, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(path + ": field " + field + ": longer than " + max + " characters");
        }
        if (value.indexOf('|') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            errors.add(path + ": field " + field + ": must not contain '|', CR or LF");
        }
    }

    private void secret(String path, String field, String clear, String hash) {
        if ((clear == null) == (hash == null)) {
            errors.add(path + ": field " + field + ": give either " + field + " or " + field + "Hash");
        } else if (clear != null && clear.isEmpty()) {
            errors.add(path + ": field " + field + ": must not be empty");
        } else if (hash != null && !hash.startsWith("$argon2")) {
            errors.add(path + ": field " + field + "Hash: must be an Argon2 hash ($argon2id$...)");
        }
    }

    private boolean reference(String path, String field, String value, Set<String> known, Kind kind) {
        if (value == null || value.isEmpty()) {
            errors.add(path + ": field " + field + ": required");
            return false;
        }
        if (!known.contains(value) && !existing.exists(institutionCode, kind, value)) {
            errors.add(path + ": field " + field + ": unknown " + value
                    + " (neither in this file nor in the database for this institution)");
            return false;
        }
        return true;
    }

    private boolean money(String path, String field, BigDecimal amount, boolean zeroAllowed) {
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.add(path + ": field " + field + ": more than two decimal places");
            return false;
        }
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            errors.add(path + ": field " + field + ": must be " + (zeroAllowed ? "zero or more" : "more than zero"));
            return false;
        }
        if (amount.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
            errors.add(path + ": field " + field + ": implausibly large");
            return false;
        }
        return true;
    }

    private <E extends Enum<E>> void enumValue(String path, String field, String value, Class<E> type) {
        try {
            Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            errors.add(path + ": field " + field + ": '" + value + "' is not one of " + allowed);
        }
    }

    private <T> Set<String> unique(String base, String list, List<T> records,
            java.util.function.Function<T, String> key) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) {
                errors.add(base + "." + list + "[" + i + "]: must be an object");
                continue;
            }
            String value = key.apply(records.get(i));
            if (value != null && !keys.add(value)) {
                errors.add(base + "." + list + "[" + i + "]: " + value + " appears twice");
            }
        }
        return keys;
    }
}
