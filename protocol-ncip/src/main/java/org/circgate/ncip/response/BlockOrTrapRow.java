package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.BlockOrTrap;

/**
 * One BlockOrTrap of a LookupUserResponse: a service the patron is blocked from. circgate sends one per command the
 * User Standing map denies; the type strings below follow the Koha and Evergreen responders.
 */
public record BlockOrTrapRow(SchemeValue agencyId, SchemeValue blockType, OffsetDateTime validFrom,
        OffsetDateTime validTo) {

    public static final String CHECK_OUT = "Block Check Out";
    public static final String RENEWAL = "Block Renewal";
    public static final String HOLD = "Block Hold";
    public static final String INTERLIBRARY_LOAN = "Block Interlibrary Loan";

    public BlockOrTrapRow {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(blockType, "blockType");
    }

    public static BlockOrTrapRow of(SchemeValue agencyId, String blockType) {
        return new BlockOrTrapRow(agencyId, SchemeValue.of(blockType), null, null);
    }

    public BlockOrTrap toJaxb() {
        BlockOrTrap block = new BlockOrTrap();
        block.setAgencyId(agencyId.toJaxb());
        block.setBlockOrTrapType(blockType.toJaxb());
        block.setValidFromDate(NcipDates.toXml(validFrom));
        block.setValidToDate(NcipDates.toXml(validTo));
        return block;
    }
}
