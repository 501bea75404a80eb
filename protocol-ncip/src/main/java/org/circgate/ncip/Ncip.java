package org.circgate.ncip;

/** NCIP 2.02 wire constants shared by the reader, the writer and the response builders. */
public final class Ncip {

    /** Target namespace of the official schema. */
    public static final String NAMESPACE = "http://www.niso.org/2008/ncip";

    /** Prefix we emit: the one XC, Alma and the ILLiad add-ons use (some initiators string-match {@code <ns1:DateDue>}). */
    public static final String PREFIX = "ns1";

    /** Value of the qualified {@code ns1:version} attribute on every message we write. */
    public static final String VERSION_2_02 = "http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd";

    /** Class-path location of the unmodified official schema (see ORIGIN.md beside it). */
    public static final String SCHEMA_RESOURCE = "/ncip/ncip_v2_02.xsd";

    /** Package of the JAXB classes generated from the schema at build time. */
    public static final String GENERATED_PACKAGE = "org.circgate.ncip.xml";

    private Ncip() {
    }
}
