package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Item information (SIP2 17, NCIP LookupItem) and item property updates (SIP2 19). Reading needs no decision; an
 * update is audited. Whether an operator may update items at all is the caller's permission to check.
 */
public final class ItemInformationService {
    private final CirculationService circulation;
    private final CirculationFacts facts;

    public ItemInformationService(CirculationService circulation) {
        this.circulation = circulation;
        this.facts = circulation.facts();
    }

    public Optional<ItemInformation> find(Connection connection, Operator operator, String itemBarcode)
            throws SQLException {
        Optional<ItemRecord> found = facts.items().find(connection, operator.institution().id(), itemBarcode);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ItemRecord item = found.get();
        Optional<LoanRecord> loan = facts.loans().forItem(connection, item.id());
        HoldRepository.ItemHolds holds = facts.holds().forItem(connection, item.id(), item.titleId());
        return Optional.of(new ItemInformation(item, loan, holds.trapped().stream().findFirst(),
                holds.candidates().size()));
    }

    /** What an item property update did; {@code item} is the item as stored now, empty when unknown. */
    public record PropertiesUpdate(Optional<ItemRecord> item) {
        public boolean updated() {
            return item.isPresent();
        }
    }

    /** Stores the item's properties (SIP2 CH, at most 255 characters) and audits the change. */
    public PropertiesUpdate updateProperties(Connection connection, Operator operator, String itemBarcode,
            String properties) throws SQLException {
        Optional<ItemRecord> found = facts.items().findForUpdate(connection, operator.institution().id(),
                itemBarcode);
        if (found.isEmpty()) {
            circulation.record(connection, operator, "item_status_update", null, itemBarcode, "denied",
                    "UNKNOWN_ITEM", null);
            return new PropertiesUpdate(Optional.empty());
        }
        String value = properties == null || properties.isEmpty() ? null
                : properties.length() <= 255 ? properties : properties.substring(0, 255);
        facts.items().setProperties(connection, found.get().id(), value, circulation.clock().instant(),
                operator.name());
        circulation.record(connection, operator, "item_status_update", null, itemBarcode, "ok", null,
                value == null ? "properties cleared" : "properties set");
        return new PropertiesUpdate(facts.items().findById(connection, found.get().id()));
    }
}
