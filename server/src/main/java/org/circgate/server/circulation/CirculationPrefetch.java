package org.circgate.server.circulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of many checkouts and checkins of one institution, read with one statement per kind of row at the start
 * of a transaction they share ({@link CirculationFacts#prefetch}): patrons and items locked, the items' loans and
 * borrowers, the patrons' loans and unpaid bills. Each request then takes its rows from here instead of reading them
 * itself ({@link CirculationFacts#forCheckout}, {@link CirculationFacts#forCheckin}).
 *
 * <p>Rows read ahead stay right only while no other request of the transaction changes them, so a request is
 * {@link #accepted} only when it touches no patron and no item an earlier accepted one touches (its patron, its
 * item, and the item's borrower), and when its barcodes found their rows exactly as written (the database compares
 * under its collation; a barcode written differently, one that finds nothing, or a row another transaction holds
 * locked is left to a transaction of its own, which answers it exactly as before).
 */
public final class CirculationPrefetch {
    /** A checkout (patron and item) or a checkin (item only, {@code patronBarcode} null). */
    public record Request(String patronBarcode, String itemBarcode) {
        public static Request checkout(String patronBarcode, String itemBarcode) {
            return new Request(patronBarcode, itemBarcode);
        }

        public static Request checkin(String itemBarcode) {
            return new Request(null, itemBarcode);
        }

        public boolean isCheckout() {
            return patronBarcode != null;
        }
    }

    /** The rows of one accepted request. */
    record Rows(PatronRepository.Locked patron, ItemRepository.Locked item, Optional<LoanRecord> loan,
            Optional<PatronRecord> borrower, List<LoanRecord> patronLoans, List<BillRecord> patronBills) {
    }

    private final Map<Request, Rows> accepted;

    private CirculationPrefetch(Map<Request, Rows> accepted) {
        this.accepted = accepted;
    }

    /** Sorts what one shared read found into the requests that may use it. */
    static CirculationPrefetch of(List<Request> requests, List<PatronRepository.Locked> patrons,
            List<ItemRepository.Locked> items, List<LoanRecord> itemLoans, List<PatronRecord> borrowers,
            List<LoanRecord> patronLoans, List<BillRecord> patronBills) {
        Map<String, PatronRepository.Locked> patronsByBarcode = new HashMap<>();
        patrons.forEach(p -> patronsByBarcode.put(p.patron().barcode(), p));
        Map<String, ItemRepository.Locked> itemsByBarcode = new HashMap<>();
        items.forEach(i -> itemsByBarcode.put(i.item().barcode(), i));
        Map<Long, LoanRecord> loansByItem = new HashMap<>();
        itemLoans.forEach(l -> loansByItem.put(l.itemId(), l));
        Map<Long, PatronRecord> borrowersById = new HashMap<>();
        borrowers.forEach(b -> borrowersById.put(b.id(), b));
        Map<Long, List<LoanRecord>> loansByPatron = new HashMap<>();
        patronLoans.forEach(l -> loansByPatron.computeIfAbsent(l.patronId(), id -> new ArrayList<>()).add(l));
        loansByPatron.values().forEach(list -> list.sort(LoanRepository.PATRON_ORDER));
        Map<Long, List<BillRecord>> billsByPatron = new HashMap<>();
        patronBills.forEach(b -> billsByPatron.computeIfAbsent(b.patronId(), id -> new ArrayList<>()).add(b));
        billsByPatron.values().forEach(list -> list.sort(BillRepository.PATRON_ORDER));

        Map<Request, Rows> accepted = new HashMap<>();
        Set<Long> patronsTouched = new HashSet<>();
        Set<Long> itemsTouched = new HashSet<>();
        for (Request request : requests) {
            ItemRepository.Locked item = itemsByBarcode.get(request.itemBarcode());
            PatronRepository.Locked patron = request.isCheckout() ? patronsByBarcode.get(request.patronBarcode())
                    : null;
            if (item == null || request.isCheckout() && patron == null || accepted.containsKey(request)) {
                continue;
            }
            Optional<LoanRecord> loan = Optional.ofNullable(loansByItem.get(item.item().id()));
            // A checkin answers with the borrower; a checkout only needs to know who has the item.
            Optional<PatronRecord> borrower = request.isCheckout() ? Optional.empty()
                    : loan.map(l -> borrowersById.get(l.patronId()));
            if (!request.isCheckout() && loan.isPresent() && borrower.isEmpty()) {
                continue; // the loan was read, its borrower not: left to a transaction of its own
            }
            Set<Long> touches = new LinkedHashSet<>();
            loan.ifPresent(l -> touches.add(l.patronId()));
            if (patron != null) {
                touches.add(patron.patron().id());
            }
            if (itemsTouched.contains(item.item().id()) || touches.stream().anyMatch(patronsTouched::contains)) {
                continue;
            }
            itemsTouched.add(item.item().id());
            patronsTouched.addAll(touches);
            long patronId = patron == null ? 0 : patron.patron().id();
            accepted.put(request, new Rows(patron, item, loan, borrower,
                    patron == null ? List.of() : loansByPatron.getOrDefault(patronId, List.of()),
                    patron == null ? List.of() : billsByPatron.getOrDefault(patronId, List.of())));
        }
        return new CirculationPrefetch(accepted);
    }

    /** Whether {@code request} may take its rows from here (see the class comment). */
    public boolean accepted(Request request) {
        return accepted.containsKey(request);
    }

    /** The rows of an accepted request, once: a second read in the same transaction goes to the database. */
    Optional<Rows> take(Request request) {
        return Optional.ofNullable(accepted.remove(request));
    }
}
