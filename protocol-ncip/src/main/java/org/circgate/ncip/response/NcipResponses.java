package org.circgate.ncip.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblemType;
import org.circgate.ncip.NcipReadError;
import org.circgate.ncip.NcipReadResult;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.Problem;

/**
 * Entry points for every response circgate emits. Each takes the request's header (null allowed) and echoes it with
 * From/To swapped. Success builders check at {@code build()} that the schema's required elements are present, so
 * everything built here validates against the official schema.
 */
public final class NcipResponses {

    private NcipResponses() {
    }

    /** A denial: {@code service}'s response element carrying one or more Problems. */
    public static NcipResponse problem(NcipService service, NcipHeader requestHeader, NcipProblem problem,
            NcipProblem... more) {
        Objects.requireNonNull(service, "service");
        List<NcipProblem> problems = list(problem, more);
        List<Problem> jaxb = problems.stream().map(p -> p.toJaxb(service)).toList();
        NCIPMessage message = ServiceResponseSlots.problemResponse(service.elementName(),
                NcipHeader.swappedResponseHeader(requestHeader), jaxb)
                .orElseThrow(() -> new IllegalStateException("schema lacks " + service.responseElementName()));
        return new NcipResponse(service.responseElementName(), message, problems);
    }

    /** A denial of {@code request}, echoing its header. */
    public static NcipResponse problem(NcipRequest request, NcipProblem problem, NcipProblem... more) {
        return problem(request.service(), request.header(), problem, more);
    }

    /**
     * A top-level {@code NCIPMessage/Problem}, for messages that could not be understood. Only messaging and general
     * Problem Types have a scheme without a service.
     *
     * @throws IllegalArgumentException for a service-specific Problem Type
     */
    public static NcipResponse messageProblem(NcipProblem problem, NcipProblem... more) {
        List<NcipProblem> problems = list(problem, more);
        NCIPMessage message = new NCIPMessage();
        problems.forEach(p -> message.getProblem().add(p.toJaxb(null)));
        return new NcipResponse("Problem", message, problems);
    }

    /**
     * {@code Unsupported Service} for any service element: inside that service's own response element when the
     * schema defines one (header echoed), else as a top-level Problem (e.g. {@code LookupVersion}, which the
     * standard names but the 2.02 schema lacks, or a response sent to us).
     */
    public static NcipResponse unsupportedService(String serviceElement, NcipHeader requestHeader, String detail) {
        NcipProblem problem = NcipProblem.of(NcipProblemType.UNSUPPORTED_SERVICE, serviceElement, null, detail);
        return serviceOrTopLevel(serviceElement, requestHeader, problem);
    }

    /** The answer to a body the reader could not turn into a request (see {@link NcipReadResult.Failed}). */
    public static NcipResponse readFailure(NcipReadResult.Failed failure) {
        NcipProblem problem = failure.problem();
        if (failure.error() == NcipReadError.UNSUPPORTED_SERVICE) {
            return serviceOrTopLevel(failure.serviceName(), failure.header(), problem);
        }
        return messageProblem(problem);
    }

    private static NcipResponse serviceOrTopLevel(String serviceElement, NcipHeader requestHeader,
            NcipProblem problem) {
        if (ServiceResponseSlots.hasResponse(serviceElement)) {
            NCIPMessage message = ServiceResponseSlots.problemResponse(serviceElement,
                    NcipHeader.swappedResponseHeader(requestHeader), List.of(problem.toJaxb(null))).orElseThrow();
            return new NcipResponse(ServiceResponseSlots.responseElement(serviceElement), message, List.of(problem));
        }
        return messageProblem(problem);
    }

    public static LookupUserResponseBuilder lookupUser(NcipHeader requestHeader) {
        return new LookupUserResponseBuilder(requestHeader);
    }

    public static LookupItemResponseBuilder lookupItem(NcipHeader requestHeader) {
        return new LookupItemResponseBuilder(requestHeader);
    }

    public static CheckOutItemResponseBuilder checkOutItem(NcipHeader requestHeader) {
        return new CheckOutItemResponseBuilder(requestHeader);
    }

    public static CheckInItemResponseBuilder checkInItem(NcipHeader requestHeader) {
        return new CheckInItemResponseBuilder(requestHeader);
    }

    public static RenewItemResponseBuilder renewItem(NcipHeader requestHeader) {
        return new RenewItemResponseBuilder(requestHeader);
    }

    public static RequestItemResponseBuilder requestItem(NcipHeader requestHeader) {
        return new RequestItemResponseBuilder(requestHeader);
    }

    public static CancelRequestItemResponseBuilder cancelRequestItem(NcipHeader requestHeader) {
        return new CancelRequestItemResponseBuilder(requestHeader);
    }

    public static AcceptItemResponseBuilder acceptItem(NcipHeader requestHeader) {
        return new AcceptItemResponseBuilder(requestHeader);
    }

    public static DeleteItemResponseBuilder deleteItem(NcipHeader requestHeader) {
        return new DeleteItemResponseBuilder(requestHeader);
    }

    public static LookupAgencyResponseBuilder lookupAgency(NcipHeader requestHeader) {
        return new LookupAgencyResponseBuilder(requestHeader);
    }

    static NcipResponse success(NcipService service, NCIPMessage message) {
        return new NcipResponse(service.responseElementName(), message, List.of());
    }

    static <T> T require(T value, NcipService service, String element) {
        if (value == null) {
            throw new IllegalStateException(service.responseElementName() + " needs " + element);
        }
        return value;
    }

    private static List<NcipProblem> list(NcipProblem first, NcipProblem... more) {
        List<NcipProblem> problems = new ArrayList<>(1 + more.length);
        problems.add(Objects.requireNonNull(first, "problem"));
        for (NcipProblem p : more) {
            problems.add(Objects.requireNonNull(p, "problem"));
        }
        return problems;
    }
}
