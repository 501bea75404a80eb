package org.circgate.server.ncip.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipLocation;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.request.ElementTypes;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.ncip.NcipLookups;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * ItemOptionalFields for a copy: bibliographic description (title, author, ISBN), item description (the barcode as
 * CopyNumber, which ReShare reads as the barcode), circulation status, hold queue length, locations (level 3 the
 * institution, level 4 the location) and the due date when on loan. Only the parts asked for, or all when the
 * initiator asked for none.
 */
final class NcipItems {
    private NcipItems() {
    }

    /** What the item fields are built from, loaded in the caller's transaction. */
    record Facts(ItemRecord item, NcipLookups.TitleDetails details, Optional<LoanRecord> loan, int holdQueueLength) {
    }

    static Facts load(NcipServices services, Connection connection, ItemRecord item) throws SQLException {
        var facts = services.circulation().facts();
        return new Facts(item, services.lookups().titleDetails(connection, item.titleId()),
                facts.loans().forItem(connection, item.id()),
                facts.holds().queueForItem(connection, item.id(), item.titleId()).size());
    }

    static NcipItemInfo info(NcipAgency agency, Facts facts, ElementTypes asked) {
        ItemRecord item = facts.item();
        NcipItemInfo.Builder info = NcipItemInfo.builder();
        if (wants(asked, ElementTypes.BIBLIOGRAPHIC_DESCRIPTION)) {
            info.title(item.title()).author(facts.details().author());
            if (NcipRendering.present(facts.details().isbn())) {
                info.bibliographicId(NcipBibliographicId.ofItem(facts.details().isbn(), SchemeValue.of("ISBN")));
            }
        }
        if (wants(asked, ElementTypes.ITEM_DESCRIPTION)) {
            info.copyNumber(item.barcode());
        }
        if (wants(asked, ElementTypes.CIRCULATION_STATUS)) {
            info.circulationStatus(SchemeValue.of(circulationStatus(item, facts.loan().isPresent())));
            facts.loan().ifPresent(loan -> info.dateDue(NcipRendering.at(agency, loan.dueAt())));
        }
        if (wants(asked, ElementTypes.HOLD_QUEUE_LENGTH)) {
            info.holdQueueLength(facts.holdQueueLength());
        }
        if (wants(asked, ElementTypes.LOCATION)) {
            String library = agency.institution().code();
            info.location(NcipLocation.of("Permanent", library, item.homeLocation()));
            info.location(NcipLocation.of("Current", library, item.currentLocation()));
        }
        return info.build();
    }

    private static boolean wants(ElementTypes asked, String elementType) {
        return asked.isEmpty() || asked.contains(elementType);
    }

    /** The NCIP Circulation Status scheme value for a copy. */
    static String circulationStatus(ItemRecord item, boolean onLoan) {
        if (onLoan) {
            return "On Loan";
        }
        return switch (item.status()) {
            case AVAILABLE -> item.circulating() ? "Available On Shelf" : "Not Available";
            case ON_ORDER -> "On Order";
            case IN_PROCESS -> "In Process";
            case WAITING_RESHELF -> "Waiting To Be Reshelved";
            case ON_HOLD_SHELF -> "Available For Pickup";
            case IN_TRANSIT -> "In Transit Between Library Locations";
            case CLAIMED_RETURNED -> "Claimed Returned Or Never Borrowed";
            case LOST -> "Lost";
            case MISSING -> "Missing";
            case OTHER -> "Circulation Status Undefined";
        };
    }
}
