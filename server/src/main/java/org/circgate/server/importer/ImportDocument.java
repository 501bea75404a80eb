package org.circgate.server.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The import file (format documented in docs/import-format.md): institutions, each with everything that belongs to
 * it. Natural keys (codes, barcodes, ids given in the file) identify records, so importing the same file twice
 * changes nothing. Secrets are never printed by {@code toString}.
 */
public record ImportDocument(List<Institution> institutions) {
    public ImportDocument {
        institutions = listOf(institutions);
    }

    public record Institution(String code, String name, String timeZone, Boolean training,
            List<Location> locations, JsonNode policy, List<SipAccount> sipAccounts, List<Patron> patrons,
            List<Title> titles, List<Item> items, List<Loan> loans, List<Hold> holds, List<Bill> bills,
            List<NcipAgency> ncipAgencies) {
        public Institution {
            locations = listOf(locations);
            sipAccounts = listOf(sipAccounts);
            patrons = listOf(patrons);
            titles = listOf(titles);
            items = listOf(items);
            loans = listOf(loans);
            holds = listOf(holds);
            bills = listOf(bills);
            ncipAgencies = listOf(ncipAgencies);
        }
    }

    public record Location(String code, String name) {
    }

    public record SipAccount(String login, String password, String passwordHash, List<String> locations,
            String fixedLocation, Boolean testing, Boolean enabled, Map<String, Object> options) {
        public SipAccount {
            locations = listOf(locations);
            options = options == null ? Map.of() : options;
        }

        @Override
        public String toString() {
            return "SipAccount[login=" + login + ", password=***, locations=" + locations + "]";
        }
    }

    /**
     * An NCIP partner agency: its FromAgencyId, its API key (clear text, stored as a SHA-256 digest, or the digest),
     * the location it acts for, its audit name, the networks it may call from and its options.
     */
    public record NcipAgency(String agencyId, String apiKey, String apiKeyHash, String location, String auditName,
            List<String> allowedNetworks, Boolean enabled, Map<String, Object> options) {
        public NcipAgency {
            allowedNetworks = listOf(allowedNetworks);
            options = options == null ? Map.of() : options;
        }

        @Override
        public String toString() {
            return "NcipAgency[agencyId=" + agencyId + ", apiKey=***, location=" + location + "]";
        }
    }

    public record Patron(String barcode, String pin, String pinHash, String name, String profile, String standing,
            String email, String phone, String address, String language, String homeLocation,
            LocalDate privilegeExpires, Boolean cardLost, Integer claimsReturned) {
        @Override
        public String toString() {
            return "Patron[barcode=" + barcode + ", pin=***, profile=" + profile + ", standing=" + standing + "]";
        }
    }

    public record Title(String key, String title, String author, String isbn) {
    }

    public record Item(String barcode, String title, String itemType, String mediaType, String location,
            String currentLocation, String status, Boolean circulating, String securityMarker, BigDecimal price,
            BigDecimal loanFee, String properties) {
    }

    public record Loan(String item, String patron, Instant checkedOut, Instant due, Integer renewals,
            String location, Instant recalled, Instant recallDue) {
    }

    public record Hold(String id, String patron, String title, String item, String pickupLocation, String holdType,
            String status, Instant placed, LocalDate expires, LocalDate pickupBy, LocalDate suspendedUntil) {
    }

    public record Bill(String id, String patron, String item, String feeType, String reason, BigDecimal amount,
            BigDecimal paid, String currency, Instant billed) {
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
