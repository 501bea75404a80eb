package org.circgate.ncip;

import java.util.Objects;

import org.circgate.ncip.xml.ItemId;

/** An ItemId: the item identifier value (usually the barcode) with its optional AgencyId and ItemIdentifierType. */
public record NcipItemId(SchemeValue agencyId, SchemeValue identifierType, String value) {

    public NcipItemId {
        Objects.requireNonNull(value, "value");
    }

    public static NcipItemId of(String value) {
        return new NcipItemId(null, null, value);
    }

    public static NcipItemId of(SchemeValue agencyId, String value) {
        return new NcipItemId(agencyId, null, value);
    }

    /** Null for a missing element or one without ItemIdentifierValue. */
    public static NcipItemId fromJaxb(ItemId itemId) {
        if (itemId == null || itemId.getItemIdentifierValue() == null) {
            return null;
        }
        return new NcipItemId(SchemeValue.fromJaxb(itemId.getAgencyId()),
                SchemeValue.fromJaxb(itemId.getItemIdentifierType()), itemId.getItemIdentifierValue().trim());
    }

    public ItemId toJaxb() {
        ItemId itemId = new ItemId();
        itemId.setAgencyId(SchemeValue.toJaxb(agencyId));
        itemId.setItemIdentifierType(SchemeValue.toJaxb(identifierType));
        itemId.setItemIdentifierValue(value);
        return itemId;
    }
}
