package org.circgate.ncip.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.JAXBElement;

import org.circgate.ncip.NcipAuthInput;
import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipDateTime;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.AcceptItem;
import org.circgate.ncip.xml.AuthenticationInput;
import org.circgate.ncip.xml.BibliographicId;
import org.circgate.ncip.xml.CancelRequestItem;
import org.circgate.ncip.xml.CheckInItem;
import org.circgate.ncip.xml.CheckOutItem;
import org.circgate.ncip.xml.DeleteItem;
import org.circgate.ncip.xml.ItemId;
import org.circgate.ncip.xml.ItemOptionalFields;
import org.circgate.ncip.xml.LookupAgency;
import org.circgate.ncip.xml.LookupItem;
import org.circgate.ncip.xml.LookupUser;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.RenewItem;
import org.circgate.ncip.xml.RequestId;
import org.circgate.ncip.xml.RequestItem;
import org.circgate.ncip.xml.SchemeValuePair;
import org.circgate.ncip.xml.UserId;

/** Maps parsed JAXB messages to the typed request views. Missing elements become null / empty, never errors. */
public final class NcipRequests {

    private NcipRequests() {
    }

    /**
     * The typed view of {@code message}'s {@code service} element, with the header the reader captured.
     *
     * @return null when the message has no such element bound (e.g. it was in a foreign namespace)
     */
    public static NcipRequest from(NcipService service, NCIPMessage message, NcipHeader header) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(message, "message");
        return switch (service) {
            case LOOKUP_USER -> mapIfPresent(message.getLookupUser(), m -> lookupUser(m, header));
            case LOOKUP_ITEM -> mapIfPresent(message.getLookupItem(), m -> lookupItem(m, header));
            case CHECK_OUT_ITEM -> mapIfPresent(message.getCheckOutItem(), m -> checkOutItem(m, header));
            case CHECK_IN_ITEM -> mapIfPresent(message.getCheckInItem(), m -> checkInItem(m, header));
            case RENEW_ITEM -> mapIfPresent(message.getRenewItem(), m -> renewItem(m, header));
            case REQUEST_ITEM -> mapIfPresent(message.getRequestItem(), m -> requestItem(m, header));
            case CANCEL_REQUEST_ITEM -> mapIfPresent(message.getCancelRequestItem(),
                    m -> cancelRequestItem(m, header));
            case ACCEPT_ITEM -> mapIfPresent(message.getAcceptItem(), m -> acceptItem(m, header));
            case DELETE_ITEM -> mapIfPresent(message.getDeleteItem(),
                    m -> new DeleteItemRequest(header, NcipItemId.fromJaxb(m.getItemId())));
            case LOOKUP_AGENCY -> mapIfPresent(message.getLookupAgency(), m -> lookupAgency(m, header));
        };
    }

    private static <T> NcipRequest mapIfPresent(T element, Function<T, NcipRequest> mapper) {
        return element == null ? null : mapper.apply(element);
    }

    private static LookupUserRequest lookupUser(LookupUser m, NcipHeader header) {
        return new LookupUserRequest(header, user(m.getUserId(), m.getAuthenticationInput()),
                elements(m.getUserElementType()), m.getLoanedItemsDesired() != null,
                m.getRequestedItemsDesired() != null, m.getUserFiscalAccountDesired() != null);
    }

    private static LookupItemRequest lookupItem(LookupItem m, NcipHeader header) {
        return new LookupItemRequest(header, NcipItemId.fromJaxb(m.getItemId()),
                NcipRequestId.fromJaxb(m.getRequestId()), elements(m.getItemElementType()),
                m.getCurrentBorrowerDesired() != null, m.getCurrentRequestersDesired() != null);
    }

    private static CheckOutItemRequest checkOutItem(CheckOutItem m, NcipHeader header) {
        return new CheckOutItemRequest(header, user(m.getUserId(), m.getAuthenticationInput()),
                NcipItemId.fromJaxb(m.getItemId()), NcipRequestId.fromJaxb(m.getRequestId()),
                NcipDateTime.fromXml(m.getDesiredDateDue()), elements(m.getItemElementType()),
                elements(m.getUserElementType()));
    }

    private static CheckInItemRequest checkInItem(CheckInItem m, NcipHeader header) {
        return new CheckInItemRequest(header, NcipItemId.fromJaxb(m.getItemId()), elements(m.getItemElementType()),
                elements(m.getUserElementType()));
    }

    private static RenewItemRequest renewItem(RenewItem m, NcipHeader header) {
        return new RenewItemRequest(header, user(m.getUserId(), m.getAuthenticationInput()),
                NcipItemId.fromJaxb(m.getItemId()), NcipDateTime.fromXml(m.getDesiredDateDue()),
                elements(m.getItemElementType()), elements(m.getUserElementType()));
    }

    private static AcceptItemRequest acceptItem(AcceptItem m, NcipHeader header) {
        return new AcceptItemRequest(header, NcipRequestId.fromJaxb(m.getRequestId()),
                SchemeValue.fromJaxb(m.getRequestedActionType()), NcipUserId.fromJaxb(m.getUserId()),
                NcipItemId.fromJaxb(m.getItemId()), NcipDateTime.fromXml(m.getDateForReturn()),
                m.getIndeterminateLoanPeriodFlag() != null, m.getNonReturnableFlag() != null,
                m.getRenewalNotPermitted() != null, NcipItemInfo.fromJaxb(m.getItemOptionalFields()),
                SchemeValue.fromJaxb(m.getPickupLocation()), NcipDateTime.fromXml(m.getPickupExpiryDate()));
    }

    private static LookupAgencyRequest lookupAgency(LookupAgency m, NcipHeader header) {
        return new LookupAgencyRequest(header, SchemeValue.fromJaxb(m.getAgencyId()),
                elements(m.getAgencyElementType()));
    }

    /** RequestItem's schema has nested choices, so JAXB gives one mixed content list; collect it by element. */
    private static RequestItemRequest requestItem(RequestItem m, NcipHeader header) {
        ContentFields f = ContentFields.collect(m.getContent());
        return new RequestItemRequest(header, f.user(), f.itemIds, f.bibliographicIds, f.firstRequestId(),
                f.schemeValue("RequestType"), f.schemeValue("RequestScopeType"), f.itemInfo,
                f.schemeValue("PickupLocation"), f.date("PickupExpiryDate"), f.date("NeedBeforeDate"),
                f.date("EarliestDateNeeded"), f.elementTypes("ItemElementType"), f.elementTypes("UserElementType"));
    }

    private static CancelRequestItemRequest cancelRequestItem(CancelRequestItem m, NcipHeader header) {
        ContentFields f = ContentFields.collect(m.getContent());
        return new CancelRequestItemRequest(header, f.user(), f.itemIds.isEmpty() ? null : f.itemIds.get(0),
                f.firstRequestId(), f.schemeValue("RequestType"), f.schemeValue("RequestScopeType"),
                f.elementTypes("ItemElementType"), f.elementTypes("UserElementType"));
    }

    private static UserIdentification user(UserId userId, List<AuthenticationInput> inputs) {
        List<NcipAuthInput> authInputs = inputs.stream().map(NcipAuthInput::fromJaxb).filter(Objects::nonNull)
                .toList();
        return new UserIdentification(NcipUserId.fromJaxb(userId), authInputs);
    }

    private static ElementTypes elements(List<SchemeValuePair> pairs) {
        if (pairs.isEmpty()) {
            return ElementTypes.none();
        }
        return new ElementTypes(pairs.stream().map(SchemeValue::fromJaxb).filter(Objects::nonNull).toList());
    }

    /** The elements of a mixed JAXB content list, by kind. */
    private static final class ContentFields {
        private NcipUserId userId;
        private final List<NcipAuthInput> authInputs = new ArrayList<>();
        private final List<NcipItemId> itemIds = new ArrayList<>();
        private final List<NcipBibliographicId> bibliographicIds = new ArrayList<>();
        private final List<NcipRequestId> requestIds = new ArrayList<>();
        private NcipItemInfo itemInfo;
        private final List<JAXBElement<?>> named = new ArrayList<>();

        static ContentFields collect(List<Object> content) {
            ContentFields f = new ContentFields();
            for (Object o : content) {
                if (o instanceof UserId u && f.userId == null) {
                    f.userId = NcipUserId.fromJaxb(u);
                } else if (o instanceof AuthenticationInput a) {
                    addIfPresent(f.authInputs, NcipAuthInput.fromJaxb(a));
                } else if (o instanceof ItemId i) {
                    addIfPresent(f.itemIds, NcipItemId.fromJaxb(i));
                } else if (o instanceof BibliographicId b) {
                    addIfPresent(f.bibliographicIds, NcipBibliographicId.fromJaxb(b));
                } else if (o instanceof RequestId r) {
                    addIfPresent(f.requestIds, NcipRequestId.fromJaxb(r));
                } else if (o instanceof ItemOptionalFields fields && f.itemInfo == null) {
                    f.itemInfo = NcipItemInfo.fromJaxb(fields);
                } else if (o instanceof JAXBElement<?> element) {
                    f.named.add(element);
                }
            }
            return f;
        }

        private static <T> void addIfPresent(List<T> list, T value) {
            if (value != null) {
                list.add(value);
            }
        }

        UserIdentification user() {
            return new UserIdentification(userId, authInputs);
        }

        NcipRequestId firstRequestId() {
            return requestIds.isEmpty() ? null : requestIds.get(0);
        }

        SchemeValue schemeValue(String localName) {
            return named.stream().filter(e -> localName.equals(e.getName().getLocalPart()))
                    .map(JAXBElement::getValue).filter(SchemeValuePair.class::isInstance)
                    .map(v -> SchemeValue.fromJaxb((SchemeValuePair) v)).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }

        NcipDateTime date(String localName) {
            return named.stream().filter(e -> localName.equals(e.getName().getLocalPart()))
                    .map(JAXBElement::getValue).filter(XMLGregorianCalendar.class::isInstance)
                    .map(v -> NcipDateTime.fromXml((XMLGregorianCalendar) v)).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }

        ElementTypes elementTypes(String localName) {
            List<SchemeValue> values = named.stream().filter(e -> localName.equals(e.getName().getLocalPart()))
                    .map(JAXBElement::getValue).filter(SchemeValuePair.class::isInstance)
                    .map(v -> SchemeValue.fromJaxb((SchemeValuePair) v)).filter(Objects::nonNull).toList();
            return values.isEmpty() ? ElementTypes.none() : new ElementTypes(values);
        }
    }
}
