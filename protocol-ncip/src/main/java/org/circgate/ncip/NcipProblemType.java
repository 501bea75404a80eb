package org.circgate.ncip;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Problem Type values of Z39.83-1-2012 Appendix A that a circulation responder needs, each owning its wire value
 * and its scheme category. Values are spelled exactly as the standard (ASCII hyphen), because initiators match them as
 * strings: ReShare treats {@code Item Not Checked Out} / {@code Unknown Item} on CheckInItem as "already checked in",
 * the ILLiad add-ons grep for {@code User Ineligible To Check Out This Item}.
 */
public enum NcipProblemType {
    // Messaging errors: the message itself could not be understood; sent as a top-level NCIPMessage/Problem.
    INVALID_MESSAGE_SYNTAX_ERROR("Invalid Message Syntax Error", Category.MESSAGING),
    PROTOCOL_ERROR("Protocol Error", Category.MESSAGING),
    UNKNOWN_ELEMENT("Unknown Element", Category.MESSAGING),
    UNKNOWN_SCHEME("Unknown Scheme", Category.MESSAGING),
    UNKNOWN_SERVICE("Unknown Service", Category.MESSAGING),
    UNKNOWN_VALUE_FROM_KNOWN_SCHEME("Unknown Value From Known Scheme", Category.MESSAGING),

    // General processing errors: valid for every service.
    AGENCY_AUTHENTICATION_FAILED("Agency Authentication Failed", Category.GENERAL),
    INVALID_AMOUNT("Invalid Amount", Category.GENERAL),
    INVALID_DATE("Invalid Date", Category.GENERAL),
    NEEDED_DATA_MISSING("Needed Data Missing", Category.GENERAL),
    SYSTEM_AUTHENTICATION_FAILED("System Authentication Failed", Category.GENERAL),
    TEMPORARY_PROCESSING_FAILURE("Temporary Processing Failure", Category.GENERAL),
    UNAUTHORIZED_COMBINATION_OF_ELEMENT_VALUES_FOR_AGENCY(
            "Unauthorized Combination Of Element Values For Agency", Category.GENERAL),
    UNAUTHORIZED_COMBINATION_OF_ELEMENT_VALUES_FOR_SYSTEM(
            "Unauthorized Combination Of Element Values For System", Category.GENERAL),
    UNAUTHORIZED_SERVICE_FOR_AGENCY("Unauthorized Service For Agency", Category.GENERAL),
    UNAUTHORIZED_SERVICE_FOR_SYSTEM("Unauthorized Service For System", Category.GENERAL),
    UNKNOWN_AGENCY("Unknown Agency", Category.GENERAL),
    UNKNOWN_SYSTEM("Unknown System", Category.GENERAL),
    UNSUPPORTED_SERVICE("Unsupported Service", Category.GENERAL),

    // Service processing errors: the scheme is the processing-error scheme of the service that answers.
    AGENCY_ACCESS_DENIED("Agency Access Denied", Category.SERVICE),
    CANNOT_ACCEPT_ITEM("Cannot Accept Item", Category.SERVICE),
    CANNOT_GUARANTEE_RESTRICTIONS_ON_USE("Cannot Guarantee Restrictions On Use", Category.SERVICE),
    DUPLICATE_REQUEST("Duplicate Request", Category.SERVICE),
    ELEMENT_RULE_VIOLATED("Element Rule Violated", Category.SERVICE),
    ITEM_ACCESS_DENIED("Item Access Denied", Category.SERVICE),
    ITEM_DOES_NOT_CIRCULATE("Item Does Not Circulate", Category.SERVICE),
    ITEM_NOT_AVAILABLE_BY_NEED_BEFORE_DATE("Item Not Available By Need Before Date", Category.SERVICE),
    ITEM_NOT_CHECKED_OUT("Item Not Checked Out", Category.SERVICE),
    ITEM_NOT_RENEWABLE("Item Not Renewable", Category.SERVICE),
    MAXIMUM_CHECK_OUTS_EXCEEDED("Maximum Check Outs Exceeded", Category.SERVICE),
    MAXIMUM_RENEWALS_EXCEEDED("Maximum Renewals Exceeded", Category.SERVICE),
    NON_UNIQUE_ITEM("Non-Unique Item", Category.SERVICE),
    NON_UNIQUE_USER("Non-Unique User", Category.SERVICE),
    RENEWAL_NOT_ALLOWED_ITEM_HAS_OUTSTANDING_REQUESTS(
            "Renewal Not Allowed - Item Has Outstanding Requests", Category.SERVICE),
    REQUEST_ALREADY_PROCESSED("Request Already Processed", Category.SERVICE),
    RESOURCE_CANNOT_BE_PROVIDED("Resource Cannot Be Provided", Category.SERVICE),
    UNKNOWN_ITEM("Unknown Item", Category.SERVICE),
    UNKNOWN_REQUEST("Unknown Request", Category.SERVICE),
    UNKNOWN_USER("Unknown User", Category.SERVICE),
    UNSUPPORTED_SHIPPING_ADDRESS_TYPE("Unsupported Shipping Address Type", Category.SERVICE),
    USER_ACCESS_DENIED("User Access Denied", Category.SERVICE),
    USER_AUTHENTICATION_FAILED("User Authentication Failed", Category.SERVICE),
    USER_BLOCKED("User Blocked", Category.SERVICE),
    USER_INELIGIBLE_TO_CHECK_OUT_THIS_ITEM("User Ineligible To Check Out This Item", Category.SERVICE),
    USER_INELIGIBLE_TO_RENEW_THIS_ITEM("User Ineligible To Renew This Item", Category.SERVICE),
    USER_INELIGIBLE_TO_REQUEST_THIS_ITEM("User Ineligible To Request This Item", Category.SERVICE);

    /** Where a Problem Type's scheme comes from. */
    public enum Category {
        MESSAGING("http://www.niso.org/ncip/v1_0/schemes/messagingerrortype/messagingerrortype.scm"),
        GENERAL(NcipService.PROCESSING_ERROR_SCHEME_PREFIX + "generalprocessingerror.scm"),
        /** Scheme depends on the answering service: {@link NcipService#processingErrorScheme()}. */
        SERVICE(null);

        private final String scheme;

        Category(String scheme) {
            this.scheme = scheme;
        }

        /** The fixed scheme URI; empty for {@link #SERVICE}, whose scheme belongs to the service. */
        public Optional<String> fixedScheme() {
            return Optional.ofNullable(scheme);
        }
    }

    private static final Map<String, NcipProblemType> BY_VALUE = new HashMap<>();

    static {
        for (NcipProblemType type : values()) {
            if (BY_VALUE.put(type.value, type) != null) {
                throw new AssertionError("value already in use: " + type.value);
            }
        }
    }

    private final String value;
    private final Category category;

    NcipProblemType(String value, Category category) {
        this.value = value;
        this.category = category;
    }

    /** The ProblemType element text, e.g. {@code Unknown User}. */
    public String value() {
        return value;
    }

    public Category category() {
        return category;
    }

    /**
     * The scheme URI for this type in a response of {@code service}; {@code service} may be null for a top-level
     * Problem, which only messaging and general types can use.
     *
     * @throws IllegalArgumentException for a service-specific type without a service
     */
    public String scheme(NcipService service) {
        if (category == Category.SERVICE) {
            if (service == null) {
                throw new IllegalArgumentException(name() + " is service-specific and needs the answering service");
            }
            return service.processingErrorScheme();
        }
        return category.scheme;
    }

    /** The type with this exact wire value. */
    public static Optional<NcipProblemType> forValue(String value) {
        return Optional.ofNullable(BY_VALUE.get(Objects.requireNonNull(value, "value")));
    }
}
