package org.circgate.ncip.response;

import java.util.List;
import java.util.Objects;

import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.ObjectFactory;
import org.circgate.ncip.xml.PhysicalAddress;
import org.circgate.ncip.xml.StructuredAddress;

/**
 * A postal address as a StructuredAddress (Line1 required by the schema's line form).
 *
 * @param addressType PhysicalAddressType, e.g. {@code Postal Address}
 */
public record NcipPostalAddress(String line1, String line2, String locality, String region, String postalCode,
        String country, String addressType) {

    public static final String POSTAL_ADDRESS = "Postal Address";

    public NcipPostalAddress {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(addressType, "addressType");
    }

    public static NcipPostalAddress of(String line1, String line2, String locality, String region,
            String postalCode, String country) {
        return new NcipPostalAddress(line1, line2, locality, region, postalCode, country, POSTAL_ADDRESS);
    }

    PhysicalAddress toJaxb() {
        ObjectFactory objects = RequestItemResponseBuilder.OBJECTS;
        StructuredAddress structured = new StructuredAddress();
        List<Object> content = structured.getContent();
        // Schema order: Line1, Line2?, Locality?, Region?, Country?, PostalCode?
        content.add(objects.createLine1(line1));
        if (line2 != null) {
            content.add(objects.createLine2(line2));
        }
        if (locality != null) {
            content.add(objects.createLocality(locality));
        }
        if (region != null) {
            content.add(objects.createRegion(region));
        }
        if (country != null) {
            content.add(objects.createCountry(country));
        }
        if (postalCode != null) {
            content.add(objects.createPostalCode(postalCode));
        }
        PhysicalAddress physical = new PhysicalAddress();
        physical.setStructuredAddress(structured);
        physical.setPhysicalAddressType(SchemeValue.of(addressType).toJaxb());
        return physical;
    }
}
