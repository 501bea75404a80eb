package org.circgate.ncip;

import org.circgate.ncip.xml.BibliographicId;
import org.circgate.ncip.xml.BibliographicItemId;
import org.circgate.ncip.xml.BibliographicRecordId;

/**
 * A BibliographicId: either an item identifier such as an ISBN ({@code BibliographicItemIdentifier} with its code,
 * e.g. {@code ISBN}) or a record identifier such as an OCLC number or a local record key. The schema qualifies a
 * record identifier by exactly one of AgencyId or BibliographicRecordIdentifierCode; input may carry both or neither
 * and is kept as sent, output writes the code when both are set and refuses neither.
 */
public record NcipBibliographicId(
        String itemIdentifier,
        SchemeValue itemIdentifierCode,
        String recordIdentifier,
        SchemeValue recordAgencyId,
        SchemeValue recordIdentifierCode) {

    public NcipBibliographicId {
        if ((itemIdentifier == null) == (recordIdentifier == null)) {
            throw new IllegalArgumentException("exactly one of itemIdentifier and recordIdentifier is required");
        }
    }

    /** E.g. {@code ofItem("9780306406157", SchemeValue.of("ISBN"))}. */
    public static NcipBibliographicId ofItem(String identifier, SchemeValue code) {
        return new NcipBibliographicId(identifier, code, null, null, null);
    }

    public static NcipBibliographicId ofRecord(String identifier, SchemeValue agencyId, SchemeValue code) {
        return new NcipBibliographicId(null, null, identifier, agencyId, code);
    }

    /** A record id qualified by its code, e.g. {@code ofRecord("ocm00012345", SchemeValue.of("OCLC"))}. */
    public static NcipBibliographicId ofRecord(String identifier, SchemeValue code) {
        return ofRecord(identifier, null, code);
    }

    /** Null for an element carrying neither identifier. */
    public static NcipBibliographicId fromJaxb(BibliographicId id) {
        if (id == null) {
            return null;
        }
        NcipBibliographicId item = fromJaxb(id.getBibliographicItemId());
        return item != null ? item : fromJaxb(id.getBibliographicRecordId());
    }

    static NcipBibliographicId fromJaxb(BibliographicItemId item) {
        if (item == null || item.getBibliographicItemIdentifier() == null) {
            return null;
        }
        return ofItem(item.getBibliographicItemIdentifier().trim(),
                SchemeValue.fromJaxb(item.getBibliographicItemIdentifierCode()));
    }

    static NcipBibliographicId fromJaxb(BibliographicRecordId record) {
        if (record == null || record.getBibliographicRecordIdentifier() == null) {
            return null;
        }
        return ofRecord(record.getBibliographicRecordIdentifier().trim(), SchemeValue.fromJaxb(record.getAgencyId()),
                SchemeValue.fromJaxb(record.getBibliographicRecordIdentifierCode()));
    }

    public boolean isItemIdentifier() {
        return itemIdentifier != null;
    }

    public BibliographicItemId toJaxbItemId() {
        BibliographicItemId item = new BibliographicItemId();
        item.setBibliographicItemIdentifier(itemIdentifier);
        item.setBibliographicItemIdentifierCode(SchemeValue.toJaxb(itemIdentifierCode));
        return item;
    }

    /** @throws IllegalStateException if neither AgencyId nor code qualifies the record identifier */
    public BibliographicRecordId toJaxbRecordId() {
        BibliographicRecordId record = new BibliographicRecordId();
        record.setBibliographicRecordIdentifier(recordIdentifier);
        if (recordIdentifierCode != null) {
            record.setBibliographicRecordIdentifierCode(recordIdentifierCode.toJaxb());
        } else if (recordAgencyId != null) {
            record.setAgencyId(recordAgencyId.toJaxb());
        } else {
            throw new IllegalStateException("BibliographicRecordId needs an AgencyId or a record identifier code");
        }
        return record;
    }

    public BibliographicId toJaxb() {
        BibliographicId id = new BibliographicId();
        if (isItemIdentifier()) {
            id.setBibliographicItemId(toJaxbItemId());
        } else {
            id.setBibliographicRecordId(toJaxbRecordId());
        }
        return id;
    }
}
