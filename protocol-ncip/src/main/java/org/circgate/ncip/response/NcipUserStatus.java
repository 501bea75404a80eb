package org.circgate.ncip.response;

/**
 * Values of the {@code STATUS} UserPrivilege row, the convention (Symphony connector, FOLIO, Koha) by which ReShare
 * decides whether a patron may borrow: it maps ACTIVE/DELINQUENT to OK and BARRED to BLOCKED, and blocks only on
 * BLOCKED. The values are the User Standing names of the policy.
 */
public enum NcipUserStatus {
    OK, DELINQUENT, BLOCKED, BARRED;

    /** The UserPrivilegeStatusType text. */
    public String wireValue() {
        return name();
    }
}
