package org.circgate.server.importer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circgate.server.db.Sql;
import org.circgate.server.ncip.agency.ApiKeys;
import org.circgate.server.security.SecretHasher;

/**
 * Writes a validated import document with upserts keyed by natural keys, inside the caller's transaction.
 * Secrets already stored are kept when the file's clear text still matches them, so a re-import changes nothing.
 */
final class ImportWriter {
    private static final String UPSERT_INSTITUTION = """
            INSERT INTO institution (code, name, time_zone, training) VALUES (?, ?, COALESCE(?, 'UTC'), COALESCE(?, FALSE))
            ON DUPLICATE KEY UPDATE name = VALUES(name), time_zone = COALESCE(?, time_zone),
              training = COALESCE(?, training)""";
    private static final String UPSERT_LOCATION = """
            INSERT INTO location (institution_id, code, name) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE name = VALUES(name)""";
    private static final String UPSERT_POLICY = """
            INSERT INTO policy_document (institution_id, document) VALUES (?, ?)
            ON DUPLICATE KEY UPDATE document = VALUES(document)""";
    private static final String SELECT_ACCOUNT_HASH = "SELECT password_hash FROM sip_account WHERE login = ?";
    private static final String UPSERT_ACCOUNT = """
            INSERT INTO sip_account (login, password_hash, institution_id, fixed_location_id, testing, enabled, options)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), institution_id = VALUES(institution_id),
              fixed_location_id = VALUES(fixed_location_id), testing = VALUES(testing), enabled = VALUES(enabled),
              options = VALUES(options)""";
    private static final String INSERT_ACCOUNT_LOCATION = """
            INSERT IGNORE INTO sip_account_location (account_id, location_id) VALUES (?, ?)""";
    private static final String DELETE_ACCOUNT_LOCATIONS = "DELETE FROM sip_account_location WHERE account_id = ?";
    private static final String UPSERT_NCIP_AGENCY = """
            INSERT INTO ncip_agency (institution_id, agency_id, api_key_hash, location_id, audit_name, allowed_networks,
                                     enabled, options)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE agency_id = VALUES(agency_id), api_key_hash = VALUES(api_key_hash),
              location_id = VALUES(location_id), audit_name = VALUES(audit_name),
              allowed_networks = VALUES(allowed_networks), enabled = VALUES(enabled), options = VALUES(options)""";
    private static final String SELECT_PATRON_PIN = "SELECT pin_hash FROM patron WHERE institution_id = ? AND barcode = ?";
    private static final String UPSERT_PATRON = """
            INSERT INTO patron (institution_id, barcode, pin_hash, profile, standing, name, email, phone, address,
                                language, home_location_id, privilege_expires, card_lost, claims_returned)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE pin_hash = VALUES(pin_hash), profile = VALUES(profile),
              standing = VALUES(standing), name = VALUES(name), email = VALUES(email), phone = VALUES(phone),
              address = VALUES(address), language = VALUES(language), home_location_id = VALUES(home_location_id),
              privilege_expires = VALUES(privilege_expires), card_lost = VALUES(card_lost),
              claims_returned = VALUES(claims_returned)""";
    private static final String UPSERT_TITLE = """
            INSERT INTO title (institution_id, title_key, title, author, isbn) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE title = VALUES(title), author = VALUES(author), isbn = VALUES(isbn)""";
    private static final String UPSERT_ITEM = """
            INSERT INTO item (institution_id, barcode, title_id, item_type, media_type, home_location_id,
                              current_location_id, status, circulating, security_marker, price_cents,
                              loan_fee_cents, properties)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE title_id = VALUES(title_id), item_type = VALUES(item_type),
              media_type = VALUES(media_type), home_location_id = VALUES(home_location_id),
              current_location_id = VALUES(current_location_id), status = VALUES(status),
              circulating = VALUES(circulating), security_marker = VALUES(security_marker),
              price_cents = VALUES(price_cents), loan_fee_cents = VALUES(loan_fee_cents),
              properties = VALUES(properties)""";
    private static final String UPSERT_LOAN = """
            INSERT INTO loan (item_id, patron_id, location_id, checked_out_at, due_at, renewals, recalled_at,
                              recall_due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE patron_id = VALUES(patron_id), location_id = VALUES(location_id),
              checked_out_at = VALUES(checked_out_at), due_at = VALUES(due_at), renewals = VALUES(renewals),
              recalled_at = VALUES(recalled_at), recall_due_at = VALUES(recall_due_at)""";
    private static final String UPSERT_HOLD = """
            INSERT INTO hold (institution_id, external_id, patron_id, title_id, item_id, pickup_location_id,
                              hold_type, status, placed_at, expires_on, pickup_by, suspended_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE patron_id = VALUES(patron_id), title_id = VALUES(title_id),
              item_id = VALUES(item_id), pickup_location_id = VALUES(pickup_location_id),
              hold_type = VALUES(hold_type), status = VALUES(status), placed_at = VALUES(placed_at),
              expires_on = VALUES(expires_on), pickup_by = VALUES(pickup_by),
              suspended_until = VALUES(suspended_until)""";
    private static final String UPSERT_BILL = """
            INSERT INTO bill (institution_id, external_id, patron_id, item_id, fee_type, reason, amount_cents,
                              paid_cents, currency, billed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE patron_id = VALUES(patron_id), item_id = VALUES(item_id),
              fee_type = VALUES(fee_type), reason = VALUES(reason), amount_cents = VALUES(amount_cents),
              paid_cents = VALUES(paid_cents), currency = VALUES(currency), billed_at = VALUES(billed_at)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final SecretHasher hasher;
    private final ExistingRecords existing;

    ImportWriter(Connection connection, SecretHasher hasher, ExistingRecords existing) {
        this.connection = connection;
        this.hasher = hasher;
        this.existing = existing;
    }

    /** Ids of one kind of record: those written from this file, else those already in the database. */
    private final class Ids {
        private final String institution;
        private final ImportValidator.Kind kind;
        private final Map<String, Long> written = new HashMap<>();

        Ids(String institution, ImportValidator.Kind kind) {
            this.institution = institution;
            this.kind = kind;
        }

        void put(String key, long id) {
            written.put(key, id);
        }

        Long get(String key) {
            if (key == null) {
                return null;
            }
            Long id = written.get(key);
            return id != null ? id : existing.id(institution, kind, key)
                    .orElseThrow(() -> new IllegalStateException(kind + " " + key + " vanished during the import"));
        }
    }

    DataImporter.Summary write(ImportDocument document) throws SQLException {
        int locations = 0;
        int accounts = 0;
        int agencies = 0;
        int patrons = 0;
        int titles = 0;
        int items = 0;
        int loans = 0;
        int holds = 0;
        int bills = 0;
        for (ImportDocument.Institution institution : document.institutions()) {
            long institutionId = upsertReturningId(UPSERT_INSTITUTION,
                    "SELECT id FROM institution WHERE code = ?", List.of(institution.code()),
                    institution.code(), institution.name(), institution.timeZone(), institution.training(),
                    institution.timeZone(), institution.training());
            Ids locationIds = new Ids(institution.code(), ImportValidator.Kind.LOCATION);
            for (ImportDocument.Location location : institution.locations()) {
                locationIds.put(location.code(), upsertReturningId(UPSERT_LOCATION,
                        "SELECT id FROM location WHERE institution_id = ? AND code = ?",
                        List.of(institutionId, location.code()), institutionId, location.code(), location.name()));
                locations++;
            }
            if (institution.policy() != null) {
                update(UPSERT_POLICY, institutionId, institution.policy().toString());
            }
            for (ImportDocument.SipAccount account : institution.sipAccounts()) {
                writeAccount(institutionId, account, locationIds);
                accounts++;
            }
            for (ImportDocument.NcipAgency agency : institution.ncipAgencies()) {
                writeNcipAgency(institutionId, agency, locationIds);
                agencies++;
            }
            Ids patronIds = new Ids(institution.code(), ImportValidator.Kind.PATRON);
            for (ImportDocument.Patron patron : institution.patrons()) {
                patronIds.put(patron.barcode(), writePatron(institutionId, patron, locationIds));
                patrons++;
            }
            Ids titleIds = new Ids(institution.code(), ImportValidator.Kind.TITLE);
            for (ImportDocument.Title title : institution.titles()) {
                titleIds.put(title.key(), upsertReturningId(UPSERT_TITLE,
                        "SELECT id FROM title WHERE institution_id = ? AND title_key = ?",
                        List.of(institutionId, title.key()),
                        institutionId, title.key(), title.title(), title.author(), title.isbn()));
                titles++;
            }
            Ids itemIds = new Ids(institution.code(), ImportValidator.Kind.ITEM);
            for (ImportDocument.Item item : institution.items()) {
                Long home = locationIds.get(item.location());
                Long current = item.currentLocation() == null ? home : locationIds.get(item.currentLocation());
                itemIds.put(item.barcode(), upsertReturningId(UPSERT_ITEM,
                        "SELECT id FROM item WHERE institution_id = ? AND barcode = ?",
                        List.of(institutionId, item.barcode()),
                        institutionId, item.barcode(), titleIds.get(item.title()), item.itemType(),
                        item.mediaType() == null ? "001" : item.mediaType(), home, current,
                        item.status() == null ? "AVAILABLE" : item.status().toUpperCase(Locale.ROOT),
                        !Boolean.FALSE.equals(item.circulating()),
                        item.securityMarker() == null ? "02" : item.securityMarker(),
                        cents(item.price()), item.loanFee() == null ? 0L : cents(item.loanFee()),
                        item.properties()));
                items++;
            }
            for (ImportDocument.Loan loan : institution.loans()) {
                update(UPSERT_LOAN, itemIds.get(loan.item()), patronIds.get(loan.patron()),
                        locationIds.get(loan.location()),
                        loan.checkedOut(), loan.due(),
                        loan.renewals() == null ? 0 : loan.renewals(), loan.recalled(),
                        loan.recallDue());
                loans++;
            }
            for (ImportDocument.Hold hold : institution.holds()) {
                update(UPSERT_HOLD, institutionId, hold.id(), patronIds.get(hold.patron()), titleIds.get(hold.title()),
                        itemIds.get(hold.item()), locationIds.get(hold.pickupLocation()),
                        hold.holdType() == null ? "2" : hold.holdType(),
                        hold.status() == null ? "WAITING" : hold.status().toUpperCase(Locale.ROOT),
                        hold.placed(), hold.expires(), hold.pickupBy(),
                        hold.suspendedUntil());
                holds++;
            }
            for (ImportDocument.Bill bill : institution.bills()) {
                update(UPSERT_BILL, institutionId, bill.id(), patronIds.get(bill.patron()),
                        itemIds.get(bill.item()),
                        bill.feeType() == null ? "01" : bill.feeType(), bill.reason(), cents(bill.amount()),
                        bill.paid() == null ? 0L : cents(bill.paid()),
                        bill.currency() == null ? "USD" : bill.currency(), bill.billed());
                bills++;
            }
        }
        return new DataImporter.Summary(document.institutions().size(), locations, accounts, agencies, patrons,
                titles, items, loans, holds, bills);
    }

    private void writeAccount(long institutionId, ImportDocument.SipAccount account, Ids locationIds)
            throws SQLException {
        String existing = selectString(SELECT_ACCOUNT_HASH, account.login());
        String hash = keepOrHash(account.password(), account.passwordHash(), existing);
        String options;
        try {
            options = JSON.writeValueAsString(account.options());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options of " + account.login() + " cannot be stored", e);
        }
        long accountId = upsertReturningId(UPSERT_ACCOUNT, "SELECT id FROM sip_account WHERE login = ?",
                List.of(account.login()), account.login(), hash, institutionId,
                locationIds.get(account.fixedLocation()),
                Boolean.TRUE.equals(account.testing()), !Boolean.FALSE.equals(account.enabled()), options);
        update(DELETE_ACCOUNT_LOCATIONS, accountId);
        for (String location : account.locations()) {
            update(INSERT_ACCOUNT_LOCATION, accountId, locationIds.get(location));
        }
    }

    private void writeNcipAgency(long institutionId, ImportDocument.NcipAgency agency, Ids locationIds)
            throws SQLException {
        String hash = agency.apiKey() != null ? ApiKeys.hash(agency.apiKey()) : agency.apiKeyHash();
        try {
            update(UPSERT_NCIP_AGENCY, institutionId, agency.agencyId(), hash, locationIds.get(agency.location()),
                    agency.auditName() == null ? agency.agencyId() : agency.auditName(),
                    JSON.writeValueAsString(agency.allowedNetworks()), !Boolean.FALSE.equals(agency.enabled()),
                    JSON.writeValueAsString(agency.options()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options of NCIP agency " + agency.agencyId() + " cannot be stored", e);
        }
    }

    private long writePatron(long institutionId, ImportDocument.Patron patron, Ids locationIds)
            throws SQLException {
        String existing = selectString(SELECT_PATRON_PIN, institutionId, patron.barcode());
        // Seed 002, default PIN behaviour: letters are upper-cased when a PIN is saved (PINs are case-insensitive).
        String pin = patron.pin() == null ? null : patron.pin().toUpperCase(Locale.ROOT);
        String pinHash = pin == null && patron.pinHash() == null ? null : keepOrHash(pin, patron.pinHash(), existing);
        return upsertReturningId(UPSERT_PATRON, "SELECT id FROM patron WHERE institution_id = ? AND barcode = ?",
                List.of(institutionId, patron.barcode()),
                institutionId, patron.barcode(), pinHash, patron.profile(),
                patron.standing() == null ? "OK" : patron.standing().toUpperCase(Locale.ROOT), patron.name(),
                patron.email(), patron.phone(), patron.address(), patron.language(),
                locationIds.get(patron.homeLocation()),
                patron.privilegeExpires(), Boolean.TRUE.equals(patron.cardLost()),
                patron.claimsReturned() == null ? 0 : patron.claimsReturned());
    }

    private String keepOrHash(String clear, String givenHash, String existing) {
        if (givenHash != null) {
            return givenHash;
        }
        if (existing != null && hasher.matches(clear, existing)) {
            return existing;
        }
        return hasher.hash(clear);
    }

    private long upsertReturningId(String upsert, String select, List<Object> key, Object... values)
            throws SQLException {
        update(upsert, values);
        return Sql.one(connection, select, row -> row.getLong(1), key.toArray())
                .orElseThrow(() -> new SQLException("row vanished after upsert: " + select));
    }

    private String selectString(String sql, Object... values) throws SQLException {
        return Sql.one(connection, sql, row -> row.getString(1), values).orElse(null);
    }

    private void update(String sql, Object... values) throws SQLException {
        Sql.update(connection, sql, values);
    }

    private static Long cents(BigDecimal amount) {
        return amount == null ? null : amount.movePointRight(2).longValueExact();
    }

}
