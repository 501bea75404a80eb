package org.circgate.ncip.response;

import org.circgate.ncip.xml.NameInformation;
import org.circgate.ncip.xml.PersonalNameInformation;
import org.circgate.ncip.xml.StructuredPersonalUserName;

/**
 * A patron's name: structured (surname required) and/or unstructured ("Last, First").
 */
public record NcipPersonName(String prefix, String givenName, String surname, String suffix, String unstructured) {

    public NcipPersonName {
        if (surname == null && unstructured == null) {
            throw new IllegalArgumentException("a name needs a surname or an unstructured form");
        }
    }

    public static NcipPersonName of(String givenName, String surname) {
        return new NcipPersonName(null, givenName, surname, null, null);
    }

    public static NcipPersonName unstructured(String fullName) {
        return new NcipPersonName(null, null, null, null, fullName);
    }

    NameInformation toJaxb() {
        PersonalNameInformation personal = new PersonalNameInformation();
        if (surname != null) {
            StructuredPersonalUserName structured = new StructuredPersonalUserName();
            structured.setPrefix(prefix);
            structured.setGivenName(givenName);
            structured.setSurname(surname);
            structured.setSuffix(suffix);
            personal.getContent().add(structured);
        }
        if (unstructured != null) {
            personal.getContent().add(RequestItemResponseBuilder.OBJECTS.createUnstructuredPersonalUserName(
                    unstructured));
        }
        NameInformation name = new NameInformation();
        name.setPersonalNameInformation(personal);
        return name;
    }
}
